-- Payment plans (rateizzazione) of a tenancy's arrears: monthly instalments fixed when the plan is
-- agreed. Whether each instalment is paid, and whether the plan is broken, is derived from the ledger.

CREATE TABLE payment_plan (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  tenancy_id uuid NOT NULL,
  start_date date NOT NULL,
  total_cents bigint NOT NULL CHECK (total_cents > 0),
  note text CHECK (length(note) <= 1000),
  cancelled_at timestamptz,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, tenancy_id) REFERENCES tenancy (tenant_id, id)
);
CREATE INDEX payment_plan_tenancy_idx ON payment_plan (tenant_id, tenancy_id);

CREATE TABLE payment_plan_instalment (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  plan_id uuid NOT NULL,
  no smallint NOT NULL CHECK (no BETWEEN 1 AND 120),
  due_date date NOT NULL,
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  PRIMARY KEY (tenant_id, plan_id, no),
  FOREIGN KEY (tenant_id, plan_id) REFERENCES payment_plan (tenant_id, id)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['payment_plan', 'payment_plan_instalment'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant())', t);
  END LOOP;
END $$;
