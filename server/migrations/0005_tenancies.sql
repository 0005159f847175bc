-- Tenancies, rent rules with history, rent assessments, the append-only rent ledger, monthly
-- charge runs, pagoPA-style payment notices and receipts.

-- A rent rule of a program, versioned by the day it takes effect (the latest started one applies).
CREATE TABLE rent_rule (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  program text NOT NULL CHECK (program IN ('youth_collab', 'dopo_di_noi', 'erp', 'agency', 'mediation', 'cohousing', 'housing_first')),
  kind text NOT NULL CHECK (kind IN ('erp_tuscany', 'sustainable_share', 'housing_first')),
  params jsonb NOT NULL,
  effective_from date NOT NULL,
  note text CHECK (length(note) <= 1000),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, program, effective_from)
);

-- A contract on a unit (or one bed of it) with a household and/or a person, over [start, end).
CREATE TABLE tenancy (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  code text NOT NULL CHECK (code ~ '^[A-Z0-9-]{3,40}$'),
  unit_id uuid NOT NULL,
  bed smallint CHECK (bed BETWEEN 1 AND 40),
  household_id uuid,
  person_id uuid,
  program text NOT NULL CHECK (program IN ('youth_collab', 'dopo_di_noi', 'erp', 'agency', 'mediation', 'cohousing', 'housing_first')),
  kind text NOT NULL CHECK (kind IN ('erp_lease', 'collab_agreement', 'dopo_di_noi_stay', 'housing_first_hosting', 'cohousing_agreement', 'agency_private_lease')),
  during daterange NOT NULL CHECK (NOT isempty(during) AND NOT lower_inf(during)),
  renewal text NOT NULL DEFAULT 'none' CHECK (renewal IN ('none', 'automatic', 'on_request')),
  renewal_months smallint CHECK (renewal_months BETWEEN 1 AND 120),
  deposit_cents bigint NOT NULL DEFAULT 0 CHECK (deposit_cents >= 0),
  service_charges_cents bigint NOT NULL DEFAULT 0 CHECK (service_charges_cents >= 0),
  notes text CHECK (length(notes) <= 2000),
  end_reason text CHECK (length(end_reason) <= 500),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, code),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES unit (tenant_id, id),
  FOREIGN KEY (tenant_id, household_id) REFERENCES household (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id),
  CHECK (household_id IS NOT NULL OR person_id IS NOT NULL),
  -- No two tenancies of one unit (or of one bed: bed 0 = the whole unit) overlap. A whole-unit
  -- tenancy against bed tenancies is checked by the service under the unit's row lock.
  EXCLUDE USING gist (tenant_id WITH =, unit_id WITH =, (coalesce(bed, 0)) WITH =, during WITH &&)
);
CREATE INDEX tenancy_unit_idx ON tenancy (tenant_id, unit_id);
CREATE INDEX tenancy_household_idx ON tenancy (tenant_id, household_id);
CREATE INDEX tenancy_person_idx ON tenancy (tenant_id, person_id);

CREATE TABLE tenancy_signatory (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  tenancy_id uuid NOT NULL,
  person_id uuid,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  role text NOT NULL CHECK (role IN ('tenant', 'co_tenant', 'guarantor', 'landlord', 'representative', 'ente')),
  signed_on date,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, tenancy_id) REFERENCES tenancy (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id)
);
CREATE INDEX tenancy_signatory_idx ON tenancy_signatory (tenant_id, tenancy_id);

-- Documents of a contract, by reference (protocol number or archive link); files live in the archive.
CREATE TABLE tenancy_document (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  tenancy_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('contract', 'annex', 'inventory', 'energy_certificate', 'registration', 'other')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  reference text CHECK (length(reference) <= 300),
  dated date,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, tenancy_id) REFERENCES tenancy (tenant_id, id)
);
CREATE INDEX tenancy_document_idx ON tenancy_document (tenant_id, tenancy_id);

-- Income declared for a tenancy from a day on (yearly update, ISEE corrente …). Append-only.
CREATE TABLE tenancy_income (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  tenancy_id uuid NOT NULL,
  effective_from date NOT NULL,
  annual_income_cents bigint NOT NULL CHECK (annual_income_cents >= 0),
  protected_income_only boolean NOT NULL DEFAULT true,
  isee_cents bigint CHECK (isee_cents >= 0),
  dependants smallint NOT NULL DEFAULT 0 CHECK (dependants BETWEEN 0 AND 20),
  note text CHECK (length(note) <= 1000),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, tenancy_id) REFERENCES tenancy (tenant_id, id)
);
CREATE INDEX tenancy_income_idx ON tenancy_income (tenant_id, tenancy_id, effective_from);

-- The rent of a tenancy from a day on, with the rule and income it came from and its explanation.
-- Append-only: a recomputation adds a row; the rent in force on a day is the latest row started
-- on or before it (ties: the latest created).
CREATE TABLE rent_assessment (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  tenancy_id uuid NOT NULL,
  effective_from date NOT NULL,
  annual_cents bigint NOT NULL CHECK (annual_cents >= 0),
  monthly_cents bigint NOT NULL CHECK (monthly_cents >= 0),
  category text NOT NULL,
  rule_id uuid,
  rule_kind text NOT NULL,
  rule_params jsonb NOT NULL,
  income_id uuid,
  surface_m2 numeric(6, 1) NOT NULL,
  lines jsonb NOT NULL,
  reason text NOT NULL CHECK (reason IN ('start', 'income_update', 'rule_change', 'correction')),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, tenancy_id) REFERENCES tenancy (tenant_id, id)
);
CREATE INDEX rent_assessment_idx ON rent_assessment (tenant_id, tenancy_id, effective_from);

-- The rent ledger: signed cents, positive = the tenant owes. Never updated or deleted.
CREATE TABLE ledger_entry (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  tenancy_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('charge', 'payment', 'adjustment', 'write_off')),
  component text CHECK (component IN ('rent', 'service_charges', 'other')),
  entry_date date NOT NULL,
  amount_cents bigint NOT NULL,
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 500),
  -- Monthly charges carry their month: one per tenancy, month and component.
  charge_month date CHECK (charge_month IS NULL OR extract(day FROM charge_month) = 1),
  charge_run_id uuid,
  notice_id uuid,
  -- A payment's external reference (receipt id): the same receipt is never posted twice.
  external_ref text CHECK (length(external_ref) <= 200),
  author_id uuid,
  created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, tenancy_id) REFERENCES tenancy (tenant_id, id),
  CHECK (
    (kind = 'charge' AND amount_cents > 0) OR (kind IN ('payment', 'write_off') AND amount_cents < 0)
    OR (kind = 'adjustment' AND amount_cents <> 0)
  ),
  CHECK (charge_month IS NULL OR (kind = 'charge' AND component IS NOT NULL))
);
CREATE INDEX ledger_entry_tenancy_idx ON ledger_entry (tenant_id, tenancy_id, entry_date);
CREATE UNIQUE INDEX ledger_entry_month_key ON ledger_entry (tenant_id, tenancy_id, charge_month, component) WHERE charge_month IS NOT NULL;
CREATE UNIQUE INDEX ledger_entry_external_key ON ledger_entry (tenant_id, external_ref) WHERE external_ref IS NOT NULL;

REVOKE UPDATE, DELETE, TRUNCATE ON ledger_entry FROM abitare_app;
CREATE FUNCTION ledger_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS
$$ BEGIN RAISE EXCEPTION 'ledger_entry is append-only: corrections are new rows'; END $$;
CREATE TRIGGER ledger_entry_append_only BEFORE UPDATE OR DELETE ON ledger_entry
  FOR EACH ROW EXECUTE FUNCTION ledger_entry_is_append_only();
CREATE TRIGGER ledger_entry_no_truncate BEFORE TRUNCATE ON ledger_entry
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_entry_is_append_only();

-- A monthly charge run: progress for the operator; re-running a month creates nothing new.
CREATE TABLE charge_run (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  status text NOT NULL DEFAULT 'running' CHECK (status IN ('running', 'done', 'failed')),
  tenancies_total integer NOT NULL DEFAULT 0,
  tenancies_done integer NOT NULL DEFAULT 0,
  charges_created integer NOT NULL DEFAULT 0,
  amount_cents bigint NOT NULL DEFAULT 0,
  started_by uuid,
  started_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX charge_run_month_idx ON charge_run (tenant_id, month);

-- The ente as a pagoPA creditor: fiscal code, segregation code (aux digit 3), the secret that
-- signs gateway receipts, and the counter of IUV bases.
CREATE TABLE payment_settings (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  creditor_fiscal_code text NOT NULL CHECK (creditor_fiscal_code ~ '^[0-9]{11}$'),
  segregation_code smallint NOT NULL CHECK (segregation_code BETWEEN 0 AND 49),
  receipt_secret text NOT NULL CHECK (length(receipt_secret) >= 16),
  next_sequence bigint NOT NULL DEFAULT 1 CHECK (next_sequence >= 1),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id),
  UNIQUE (creditor_fiscal_code, segregation_code)
);

CREATE TABLE payment_notice (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  tenancy_id uuid NOT NULL,
  notice_number text NOT NULL CHECK (notice_number ~ '^3[0-9]{17}$'),
  iuv text NOT NULL CHECK (iuv ~ '^[0-9]{17}$'),
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  due_date date NOT NULL,
  description text NOT NULL CHECK (length(description) BETWEEN 1 AND 140),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'paid', 'cancelled')),
  paid_at timestamptz,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, iuv),
  FOREIGN KEY (tenant_id, tenancy_id) REFERENCES tenancy (tenant_id, id)
);
CREATE INDEX payment_notice_tenancy_idx ON payment_notice (tenant_id, tenancy_id);

-- Receipts as the gateway sent them (signature checked); one row per receipt id.
CREATE TABLE payment_receipt (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  receipt_id text NOT NULL CHECK (length(receipt_id) BETWEEN 1 AND 100),
  notice_id uuid NOT NULL,
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  paid_at timestamptz NOT NULL,
  psp text,
  payer_fiscal_code text,
  received_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, receipt_id),
  FOREIGN KEY (tenant_id, notice_id) REFERENCES payment_notice (tenant_id, id)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['rent_rule', 'tenancy', 'tenancy_signatory', 'tenancy_document', 'tenancy_income', 'rent_assessment',
    'ledger_entry', 'charge_run', 'payment_settings', 'payment_notice', 'payment_receipt'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant())', t);
  END LOOP;
END $$;
