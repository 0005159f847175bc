-- Agenzia Sociale per la Casa: landlords, their properties (optionally linked to a stock unit),
-- listings checked against the canone concordato range, incentives, seekers with their housing
-- project, proposals through the contract pipeline, contracts, counter places and appointments.

-- Per-ente settings: the territorial agreement (zones, €/m² bands, elements) and affordability.
CREATE TABLE agency_settings (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  agreement jsonb NOT NULL,
  affordability_bp integer NOT NULL DEFAULT 3000 CHECK (affordability_bp BETWEEN 500 AND 10000),
  include_expenses boolean NOT NULL DEFAULT true,
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id)
);

CREATE TABLE agency_landlord (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  kind text NOT NULL CHECK (kind IN ('person', 'company')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  fiscal_code text NOT NULL CHECK (fiscal_code ~ '^([A-Z0-9]{16}|[0-9]{11})$'),
  vat_number text CHECK (vat_number ~ '^[0-9]{11}$'),
  email text CHECK (length(email) <= 200),
  phone text CHECK (length(phone) <= 40),
  address text CHECK (length(address) <= 300),
  user_id uuid,
  notes text CHECK (length(notes) <= 2000),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, fiscal_code),
  FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id),
  CHECK (kind = 'person' OR vat_number IS NOT NULL)
);
CREATE UNIQUE INDEX agency_landlord_user_key ON agency_landlord (tenant_id, user_id) WHERE user_id IS NOT NULL;
CREATE INDEX agency_landlord_name_idx ON agency_landlord (tenant_id, name, id);

CREATE TABLE agency_property (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  landlord_id uuid NOT NULL,
  unit_id uuid,
  address text NOT NULL CHECK (length(address) BETWEEN 1 AND 300),
  city text NOT NULL DEFAULT 'Lucca' CHECK (length(city) BETWEEN 1 AND 100),
  neighbourhood text CHECK (length(neighbourhood) <= 100),
  zone text NOT NULL CHECK (length(zone) BETWEEN 1 AND 20),
  sub_band text NOT NULL CHECK (length(sub_band) BETWEEN 1 AND 20),
  surface_m2 numeric(6, 1) NOT NULL CHECK (surface_m2 > 0 AND surface_m2 <= 2000),
  rooms smallint NOT NULL CHECK (rooms BETWEEN 1 AND 30),
  bedrooms smallint NOT NULL CHECK (bedrooms BETWEEN 0 AND 20),
  floor smallint CHECK (floor BETWEEN -3 AND 60),
  elements text[] NOT NULL DEFAULT '{}',
  accessibility text[] NOT NULL DEFAULT '{}',
  energy_class text CHECK (energy_class IN ('A4', 'A3', 'A2', 'A1', 'B', 'C', 'D', 'E', 'F', 'G')),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, landlord_id) REFERENCES agency_landlord (tenant_id, id),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES unit (tenant_id, id),
  CHECK (bedrooms <= rooms)
);
CREATE INDEX agency_property_landlord_idx ON agency_property (tenant_id, landlord_id);
CREATE UNIQUE INDEX agency_property_unit_key ON agency_property (tenant_id, unit_id) WHERE unit_id IS NOT NULL;

CREATE TABLE agency_listing (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  property_id uuid NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  status text NOT NULL DEFAULT 'available' CHECK (status IN ('draft', 'available', 'reserved', 'let', 'withdrawn')),
  rent_asked_cents integer NOT NULL CHECK (rent_asked_cents > 0),
  expenses_cents integer NOT NULL DEFAULT 0 CHECK (expenses_cents >= 0),
  available_from date NOT NULL,
  furnishing text NOT NULL DEFAULT 'none' CHECK (furnishing IN ('none', 'partial', 'full')),
  contract_type text NOT NULL DEFAULT 'agevolato' CHECK (contract_type IN ('agevolato', 'transitorio', 'studenti')),
  pets_allowed boolean NOT NULL DEFAULT false,
  description text CHECK (length(description) <= 4000),
  -- The agreed-rent range when the listing was last saved (recomputed on every change).
  range_min_cents integer,
  range_max_cents integer,
  rent_position text CHECK (rent_position IN ('below', 'inside', 'above')),
  range_lines jsonb NOT NULL DEFAULT '[]',
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, property_id) REFERENCES agency_property (tenant_id, id)
);
CREATE INDEX agency_listing_property_idx ON agency_listing (tenant_id, property_id);
CREATE INDEX agency_listing_status_idx ON agency_listing (tenant_id, status, created_at DESC);

CREATE TABLE agency_listing_photo (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  listing_id uuid NOT NULL,
  content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
  size_bytes integer NOT NULL CHECK (size_bytes BETWEEN 1 AND 2097152),
  data bytea NOT NULL,
  caption text CHECK (length(caption) <= 200),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, listing_id) REFERENCES agency_listing (tenant_id, id)
);
CREATE INDEX agency_listing_photo_idx ON agency_listing_photo (tenant_id, listing_id);

CREATE TABLE agency_seeker (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL,
  household_id uuid,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'housed', 'closed')),
  intake_on date NOT NULL,
  household_size smallint NOT NULL CHECK (household_size BETWEEN 1 AND 20),
  annual_income_cents bigint NOT NULL CHECK (annual_income_cents >= 0),
  situation text[] NOT NULL DEFAULT '{}',
  min_bedrooms smallint NOT NULL DEFAULT 1 CHECK (min_bedrooms BETWEEN 0 AND 10),
  preferred_zones text[] NOT NULL DEFAULT '{}',
  accessibility_needs text[] NOT NULL DEFAULT '{}',
  has_pets boolean NOT NULL DEFAULT false,
  max_rent_cents integer CHECK (max_rent_cents > 0),
  wanted_from date,
  project_goals text CHECK (length(project_goals) <= 4000),
  notes text CHECK (length(notes) <= 4000),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id),
  FOREIGN KEY (tenant_id, household_id) REFERENCES household (tenant_id, id)
);
-- One open file per person.
CREATE UNIQUE INDEX agency_seeker_person_key ON agency_seeker (tenant_id, person_id) WHERE status = 'open';
CREATE INDEX agency_seeker_status_idx ON agency_seeker (tenant_id, status, intake_on DESC);

-- The housing project agreed with the person: steps with who is responsible and when.
CREATE TABLE agency_project_step (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  seeker_id uuid NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 300),
  responsible text NOT NULL CHECK (responsible IN ('seeker', 'agency', 'social_services', 'landlord', 'other')),
  due_on date,
  done_on date,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, seeker_id) REFERENCES agency_seeker (tenant_id, id)
);
CREATE INDEX agency_project_step_idx ON agency_project_step (tenant_id, seeker_id);

CREATE TABLE agency_proposal (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  seeker_id uuid NOT NULL,
  listing_id uuid NOT NULL,
  stage text NOT NULL DEFAULT 'proposed'
    CHECK (stage IN ('proposed', 'visit_scheduled', 'visited', 'agreed', 'signed', 'registered', 'refused', 'withdrawn')),
  visit_at timestamptz,
  refused_by text CHECK (refused_by IN ('seeker', 'landlord', 'agency')),
  outcome_note text CHECK (length(outcome_note) <= 2000),
  score smallint NOT NULL DEFAULT 0,
  explanation jsonb NOT NULL DEFAULT '[]',
  checklist text[] NOT NULL DEFAULT '{}',
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, seeker_id, listing_id),
  FOREIGN KEY (tenant_id, seeker_id) REFERENCES agency_seeker (tenant_id, id),
  FOREIGN KEY (tenant_id, listing_id) REFERENCES agency_listing (tenant_id, id)
);
CREATE INDEX agency_proposal_listing_idx ON agency_proposal (tenant_id, listing_id);

CREATE TABLE agency_contract (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  proposal_id uuid NOT NULL,
  contract_type text NOT NULL CHECK (contract_type IN ('agevolato', 'transitorio', 'studenti')),
  monthly_rent_cents integer NOT NULL CHECK (monthly_rent_cents > 0),
  start_on date NOT NULL,
  end_on date NOT NULL,
  signed_on date NOT NULL,
  registered_on date,
  registration_ref text CHECK (length(registration_ref) <= 100),
  tenancy_id uuid,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, proposal_id),
  FOREIGN KEY (tenant_id, proposal_id) REFERENCES agency_proposal (tenant_id, id),
  FOREIGN KEY (tenant_id, tenancy_id) REFERENCES tenancy (tenant_id, id),
  CHECK (end_on > start_on),
  CHECK (registered_on IS NULL OR registered_on >= signed_on)
);

CREATE TABLE agency_incentive (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  landlord_id uuid NOT NULL,
  contract_id uuid,
  kind text NOT NULL CHECK (kind IN ('guarantee_fund', 'one_off_contribution', 'tax_benefit_info', 'rent_supplement')),
  amount_cents integer NOT NULL DEFAULT 0 CHECK (amount_cents >= 0),
  granted_on date NOT NULL,
  note text CHECK (length(note) <= 1000),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, landlord_id) REFERENCES agency_landlord (tenant_id, id),
  FOREIGN KEY (tenant_id, contract_id) REFERENCES agency_contract (tenant_id, id)
);
CREATE INDEX agency_incentive_landlord_idx ON agency_incentive (tenant_id, landlord_id);

-- Counter places with their weekly hours, slot length, holidays and closures.
CREATE TABLE agency_place (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  code text NOT NULL CHECK (code ~ '^[a-z0-9-]{2,40}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  address text NOT NULL CHECK (length(address) BETWEEN 1 AND 300),
  phone text CHECK (length(phone) <= 40),
  slot_minutes smallint NOT NULL DEFAULT 30 CHECK (slot_minutes BETWEEN 10 AND 240),
  hours jsonb NOT NULL DEFAULT '[]',
  extra_holidays text[] NOT NULL DEFAULT '{}',
  closures text[] NOT NULL DEFAULT '{}',
  active boolean NOT NULL DEFAULT true,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, code)
);

CREATE TABLE agency_appointment (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  place_id uuid NOT NULL,
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'booked' CHECK (status IN ('booked', 'cancelled', 'attended', 'no_show')),
  channel text NOT NULL CHECK (channel IN ('online', 'operator', 'walk_in')),
  topic text NOT NULL CHECK (topic IN ('seeker_intake', 'landlord_info', 'contract', 'other')),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  email text CHECK (length(email) <= 200),
  phone text CHECK (length(phone) <= 40),
  note text CHECK (length(note) <= 1000),
  user_id uuid,
  cancel_token_hash text,
  reminded_at timestamptz,
  cancelled_at timestamptz,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, place_id) REFERENCES agency_place (tenant_id, id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id),
  CHECK (ends_at > starts_at)
);
-- No double booking: one live appointment per place and start (walk-ins are outside the slots).
CREATE UNIQUE INDEX agency_appointment_slot_key ON agency_appointment (tenant_id, place_id, starts_at)
  WHERE status <> 'cancelled' AND channel <> 'walk_in';
CREATE INDEX agency_appointment_day_idx ON agency_appointment (tenant_id, starts_at);
CREATE INDEX agency_appointment_user_idx ON agency_appointment (tenant_id, user_id) WHERE user_id IS NOT NULL;
CREATE UNIQUE INDEX agency_appointment_token_key ON agency_appointment (tenant_id, cancel_token_hash) WHERE cancel_token_hash IS NOT NULL;

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['agency_settings', 'agency_landlord', 'agency_property', 'agency_listing', 'agency_listing_photo', 'agency_seeker',
    'agency_project_step', 'agency_proposal', 'agency_contract', 'agency_incentive', 'agency_place', 'agency_appointment'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant())', t);
  END LOOP;
END $$;
