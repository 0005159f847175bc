-- Payments files (CSV from the bank or the pagoPA reporting): each import, and the payments it
-- could not match to a tenancy, waiting for an operator. Rows are keyed by their content, so a file
-- imported twice (or two imports at once) posts every payment once.

CREATE TABLE payment_import (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  file_name text CHECK (length(file_name) <= 200),
  file_sha256 text NOT NULL CHECK (file_sha256 ~ '^[0-9a-f]{64}$'),
  rows_total integer NOT NULL DEFAULT 0,
  posted integer NOT NULL DEFAULT 0,
  unmatched integer NOT NULL DEFAULT 0,
  duplicates integer NOT NULL DEFAULT 0,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id)
);

CREATE TABLE unmatched_payment (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  import_id uuid NOT NULL,
  row_key text NOT NULL CHECK (row_key ~ '^[0-9a-f]{40}$'),
  line integer NOT NULL,
  paid_on date NOT NULL,
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  notice_number text,
  payer_fiscal_code text,
  description text CHECK (length(description) <= 500),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'resolved', 'rejected')),
  tenancy_id uuid,
  resolved_by uuid,
  resolved_at timestamptz,
  resolution_note text CHECK (length(resolution_note) <= 500),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, row_key),
  FOREIGN KEY (tenant_id, import_id) REFERENCES payment_import (tenant_id, id),
  FOREIGN KEY (tenant_id, tenancy_id) REFERENCES tenancy (tenant_id, id),
  CHECK ((status = 'resolved') = (tenancy_id IS NOT NULL))
);
CREATE INDEX unmatched_payment_open_idx ON unmatched_payment (tenant_id, status, paid_on);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['payment_import', 'unmatched_payment'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant())', t);
  END LOOP;
END $$;
