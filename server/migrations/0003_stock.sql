-- Stock: estates, buildings, units, common spaces, the program each unit serves over time and
-- its status timeline. Periods are daterange [from, to) with an open end for "until further
-- notice"; a unit never has two overlapping programs or statuses (EXCLUDE constraints).

CREATE EXTENSION IF NOT EXISTS btree_gist;

-- An estate (complesso) or an area grouping buildings, e.g. "Quartiere Giardino di Pontetetto".
CREATE TABLE estate (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  code text CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]{0,29}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  description text CHECK (length(description) <= 2000),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, code),
  UNIQUE (tenant_id, name)
);

-- A building; estate_id NULL for scattered flats (e.g. private flats let through the agency).
CREATE TABLE building (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  estate_id uuid,
  address text NOT NULL CHECK (length(address) BETWEEN 3 AND 200),
  postcode text CHECK (postcode ~ '^[0-9]{5}$'),
  city text NOT NULL CHECK (length(city) BETWEEN 2 AND 100),
  neighbourhood text CHECK (length(neighbourhood) BETWEEN 1 AND 100),
  latitude numeric(9, 6) CHECK (latitude BETWEEN -90 AND 90),
  longitude numeric(9, 6) CHECK (longitude BETWEEN -180 AND 180),
  floors smallint CHECK (floors BETWEEN 1 AND 60),
  has_lift boolean NOT NULL DEFAULT false,
  year_built smallint CHECK (year_built BETWEEN 1000 AND 2100),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, estate_id) REFERENCES estate (tenant_id, id),
  UNIQUE (tenant_id, city, address)
);
CREATE INDEX building_estate_idx ON building (tenant_id, estate_id);

CREATE TABLE unit (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  building_id uuid NOT NULL,
  code text NOT NULL CHECK (code ~ '^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$'),
  flat_number text CHECK (length(flat_number) BETWEEN 1 AND 20),
  floor smallint CHECK (floor BETWEEN -3 AND 60),
  surface_m2 numeric(6, 1) NOT NULL CHECK (surface_m2 > 0 AND surface_m2 < 2000),
  rooms smallint NOT NULL CHECK (rooms BETWEEN 1 AND 30),
  bedrooms smallint NOT NULL CHECK (bedrooms BETWEEN 0 AND 20),
  beds smallint NOT NULL CHECK (beds BETWEEN 0 AND 40),
  bathrooms smallint NOT NULL DEFAULT 1 CHECK (bathrooms BETWEEN 0 AND 10),
  accessibility text[] NOT NULL DEFAULT '{}'
    CHECK (accessibility <@ ARRAY['step_free_access', 'lift', 'accessible_bathroom', 'wheelchair_turning_space']),
  energy_class text CHECK (energy_class IN ('A4', 'A3', 'A2', 'A1', 'B', 'C', 'D', 'E', 'F', 'G')),
  furnishing text NOT NULL DEFAULT 'none' CHECK (furnishing IN ('none', 'partial', 'full')),
  -- Owner: the municipality, a housing company (E.R.P. Lucca), a private landlord (via the
  -- agency), a third-sector body; organisation and/or a free-text name.
  owner_kind text NOT NULL CHECK (owner_kind IN ('municipality', 'housing_company', 'private', 'third_sector', 'other')),
  owner_organisation_id uuid,
  owner_name text CHECK (length(owner_name) BETWEEN 1 AND 200),
  managing_organisation_id uuid,
  notes text CHECK (length(notes) <= 2000),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (bedrooms <= rooms),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, code),
  FOREIGN KEY (tenant_id, building_id) REFERENCES building (tenant_id, id),
  FOREIGN KEY (tenant_id, owner_organisation_id) REFERENCES organisation (tenant_id, id),
  FOREIGN KEY (tenant_id, managing_organisation_id) REFERENCES organisation (tenant_id, id)
);
CREATE INDEX unit_building_idx ON unit (tenant_id, building_id);

-- A shared space of a building or of a whole estate.
CREATE TABLE common_space (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  estate_id uuid,
  building_id uuid,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  kind text NOT NULL CHECK (kind IN ('laundry', 'garden', 'community_room', 'playground', 'storage', 'bike_storage', 'office', 'other')),
  capacity smallint CHECK (capacity BETWEEN 1 AND 1000),
  notes text CHECK (length(notes) <= 2000),
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (num_nonnulls(estate_id, building_id) = 1),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, estate_id) REFERENCES estate (tenant_id, id),
  FOREIGN KEY (tenant_id, building_id) REFERENCES building (tenant_id, id)
);

-- The program a unit serves over a period (one at a time).
CREATE TABLE unit_program (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  unit_id uuid NOT NULL,
  program text NOT NULL CHECK (program IN ('youth_collab', 'dopo_di_noi', 'erp', 'agency', 'mediation', 'cohousing', 'housing_first')),
  -- Durante e Dopo di Noi housing solutions only.
  solution_type text CHECK (solution_type IN ('stable_home', 'autonomy_gym', 'respite', 'mutual_aid')),
  during daterange NOT NULL CHECK (NOT isempty(during) AND NOT lower_inf(during)),
  note text CHECK (length(note) <= 1000),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (solution_type IS NULL OR program = 'dopo_di_noi'),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES unit (tenant_id, id),
  EXCLUDE USING gist (tenant_id WITH =, unit_id WITH =, during WITH &&)
);

-- The status timeline of a unit.
CREATE TABLE unit_status (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  unit_id uuid NOT NULL,
  status text NOT NULL CHECK (status IN ('available', 'reserved', 'occupied', 'maintenance', 'out_of_service')),
  during daterange NOT NULL CHECK (NOT isempty(during) AND NOT lower_inf(during)),
  note text CHECK (length(note) <= 1000),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES unit (tenant_id, id),
  EXCLUDE USING gist (tenant_id WITH =, unit_id WITH =, during WITH &&)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['estate', 'building', 'unit', 'common_space', 'unit_program', 'unit_status'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant())', t);
  END LOOP;
END $$;
