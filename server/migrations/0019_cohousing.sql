-- Co-housing projects: families and single parents, elderly people, supported living (with
-- Azienda USL and E.R.P. Lucca): the house, partner bodies and their roles, residents with entry
-- and exit days and the day they signed the house rules, shared spaces, house meetings, and
-- shared expenses split among the residents in integer cents with who paid.

CREATE TABLE cohousing_project (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 3 AND 200),
  kind text NOT NULL CHECK (kind IN ('families', 'elderly', 'supported_living')),
  building_id uuid NOT NULL,
  description text CHECK (length(description) <= 2000),
  house_rules text CHECK (length(house_rules) <= 8000),
  started_on date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, name),
  FOREIGN KEY (tenant_id, building_id) REFERENCES building (tenant_id, id)
);

CREATE TABLE cohousing_partner (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  project_id uuid NOT NULL,
  organisation_id uuid NOT NULL,
  role text NOT NULL CHECK (length(role) BETWEEN 2 AND 300),
  PRIMARY KEY (tenant_id, project_id, organisation_id),
  FOREIGN KEY (tenant_id, project_id) REFERENCES cohousing_project (tenant_id, id),
  FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisation (tenant_id, id)
);

CREATE TABLE cohousing_resident (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL,
  person_id uuid NOT NULL,
  entered_on date NOT NULL,
  left_on date,
  rules_signed_on date,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, project_id) REFERENCES cohousing_project (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id),
  CHECK (left_on IS NULL OR left_on > entered_on),
  EXCLUDE USING gist (tenant_id WITH =, project_id WITH =, person_id WITH =, daterange(entered_on, left_on) WITH &&)
);

CREATE TABLE cohousing_meeting (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL,
  held_on date NOT NULL,
  minutes text NOT NULL CHECK (length(minutes) BETWEEN 3 AND 8000),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, project_id) REFERENCES cohousing_project (tenant_id, id)
);

CREATE TABLE cohousing_expense (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL,
  spent_on date NOT NULL,
  description text NOT NULL CHECK (length(description) BETWEEN 3 AND 500),
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, project_id) REFERENCES cohousing_project (tenant_id, id)
);

CREATE TABLE cohousing_expense_share (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  expense_id uuid NOT NULL,
  resident_id uuid NOT NULL,
  share_cents bigint NOT NULL CHECK (share_cents >= 0),
  paid_on date,
  PRIMARY KEY (tenant_id, expense_id, resident_id),
  FOREIGN KEY (tenant_id, expense_id) REFERENCES cohousing_expense (tenant_id, id),
  FOREIGN KEY (tenant_id, resident_id) REFERENCES cohousing_resident (tenant_id, id)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['cohousing_project', 'cohousing_partner', 'cohousing_resident', 'cohousing_meeting', 'cohousing_expense', 'cohousing_expense_share'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant())', t);
  END LOOP;
END $$;
