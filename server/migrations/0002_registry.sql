-- Registry: people, documents, households (membership over time), ISEE, incomes, special-category
-- records (kept apart from the common record), consents, legal representatives, program enrolments.

CREATE EXTENSION IF NOT EXISTS btree_gist;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Who did it, by role: "who looked at my file" shows role and organisation, never staff names.
ALTER TABLE audit_log ADD COLUMN actor_roles text[];

CREATE TABLE person (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  given_name text NOT NULL CHECK (length(given_name) BETWEEN 1 AND 100),
  family_name text NOT NULL CHECK (length(family_name) BETWEEN 1 AND 100),
  -- NULL = not known yet (e.g. a homeless person entering Housing First): marked pending.
  codice_fiscale text CHECK (codice_fiscale ~ '^[A-Z0-9]{16}$'),
  birth_date date,
  birth_place text,
  birth_place_code text CHECK (birth_place_code ~ '^[A-Z][0-9]{3}$'),
  sex text CHECK (sex IN ('M', 'F')),
  citizenship text CHECK (citizenship ~ '^[A-Z]{2}$'),
  email text,
  phone text,
  residence_address text,
  residence_city text,
  residence_postcode text,
  domicile_address text,
  domicile_city text,
  no_fixed_address boolean NOT NULL DEFAULT false,
  user_id uuid,
  merged_into uuid,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id),
  FOREIGN KEY (tenant_id, merged_into) REFERENCES person (tenant_id, id)
);
-- One person per codice fiscale per tenant (records merged into another keep theirs for history).
CREATE UNIQUE INDEX person_cf_key ON person (tenant_id, codice_fiscale) WHERE codice_fiscale IS NOT NULL AND merged_into IS NULL;
CREATE UNIQUE INDEX person_user_key ON person (tenant_id, user_id) WHERE user_id IS NOT NULL;
-- "C" collation: one index serves both the prefix search (LIKE 'ros%') and the keyset order.
CREATE INDEX person_name_idx ON person (tenant_id, (lower(family_name) COLLATE "C"), (lower(given_name) COLLATE "C"), id);
CREATE INDEX person_name_trgm_idx ON person USING gin ((lower(family_name || ' ' || given_name)) gin_trgm_ops);
CREATE INDEX person_birth_idx ON person (tenant_id, birth_date);

CREATE TABLE person_document (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('identity_card', 'passport', 'residence_permit', 'driving_licence', 'health_card', 'other')),
  number text,
  issued_by text,
  expires_on date,
  file_name text,
  file_mime text,
  file_data bytea,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id)
);

CREATE TABLE household (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);

-- Membership over time: [joined_on, left_on). A person is in one household at a time, and a
-- household has one head at a time.
CREATE TABLE household_member (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  household_id uuid NOT NULL,
  person_id uuid NOT NULL,
  relationship text NOT NULL CHECK (relationship IN ('head', 'spouse', 'partner', 'child', 'parent', 'sibling', 'grandparent', 'grandchild', 'other_relative', 'cohabitant')),
  joined_on date NOT NULL,
  left_on date,
  CHECK (left_on IS NULL OR left_on > joined_on),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, household_id) REFERENCES household (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id),
  EXCLUDE USING gist (tenant_id WITH =, person_id WITH =, daterange(joined_on, left_on) WITH &&),
  EXCLUDE USING gist (tenant_id WITH =, household_id WITH =, daterange(joined_on, left_on) WITH &&) WHERE (relationship = 'head')
);
CREATE INDEX household_member_household_idx ON household_member (tenant_id, household_id);

CREATE TABLE isee (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  household_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('ordinario', 'corrente', 'sociosanitario', 'minorenni')),
  value_cents bigint NOT NULL CHECK (value_cents >= 0),
  protocol_dsu text NOT NULL,
  issued_on date NOT NULL,
  expires_on date NOT NULL CHECK (expires_on >= issued_on),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, household_id) REFERENCES household (tenant_id, id)
);
CREATE INDEX isee_household_idx ON isee (tenant_id, household_id, issued_on DESC);

CREATE TABLE household_income (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  household_id uuid NOT NULL,
  person_id uuid,
  year integer NOT NULL CHECK (year BETWEEN 1990 AND 2100),
  kind text NOT NULL CHECK (kind IN ('employment', 'pension', 'self_employment', 'unemployment_benefit', 'disability_benefit', 'other')),
  amount_cents bigint NOT NULL CHECK (amount_cents >= 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, household_id) REFERENCES household (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id)
);

-- Special categories (GDPR art. 9 and judicial data), one record per category, kept apart.
CREATE TABLE person_sensitive (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL,
  category text NOT NULL CHECK (category IN ('health', 'disability', 'addiction', 'homelessness', 'judicial')),
  data jsonb NOT NULL,
  recorded_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, person_id, category),
  FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id)
);

-- Which service line follows the person, and which case worker, over time.
CREATE TABLE enrolment (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL,
  program text NOT NULL CHECK (program IN ('youth_collab', 'dopo_di_noi', 'erp', 'agency', 'mediation', 'cohousing', 'housing_first')),
  case_worker_id uuid,
  started_on date NOT NULL,
  ended_on date,
  note text,
  CHECK (ended_on IS NULL OR ended_on > started_on),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id),
  FOREIGN KEY (tenant_id, case_worker_id) REFERENCES app_user (tenant_id, id),
  EXCLUDE USING gist (tenant_id WITH =, person_id WITH =, program WITH =, daterange(started_on, ended_on) WITH &&)
);
CREATE INDEX enrolment_program_idx ON enrolment (tenant_id, program, person_id);
CREATE INDEX enrolment_person_idx ON enrolment (tenant_id, person_id);

-- A legal representative is a person too.
CREATE TABLE person_representative (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL,
  representative_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('amministratore_di_sostegno', 'tutore', 'curatore', 'genitore')),
  started_on date NOT NULL,
  ended_on date,
  CHECK (person_id <> representative_id),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id),
  FOREIGN KEY (tenant_id, representative_id) REFERENCES person (tenant_id, id)
);

CREATE TABLE consent (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL,
  purpose text NOT NULL CHECK (length(purpose) BETWEEN 3 AND 500),
  legal_basis text NOT NULL CHECK (legal_basis IN ('consent', 'legal_obligation', 'public_interest', 'vital_interest', 'contract')),
  given_on date NOT NULL,
  withdrawn_on date,
  -- NULL = given by the person; else the representative who gave it.
  given_by_id uuid,
  recorded_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (withdrawn_on IS NULL OR withdrawn_on >= given_on),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id),
  FOREIGN KEY (tenant_id, given_by_id) REFERENCES person (tenant_id, id)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['person', 'person_document', 'household', 'household_member', 'isee', 'household_income', 'person_sensitive', 'enrolment', 'person_representative', 'consent'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant())', t);
  END LOOP;
END $$;
