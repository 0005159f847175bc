-- Calls: requests to complete an application (integrazione documentale), with a deadline. While a
-- request is open (not answered, deadline not passed) the applicant may add documents even after
-- the call has closed; answering closes it.
CREATE TABLE integration_request (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  application_id uuid NOT NULL,
  documents text[] NOT NULL DEFAULT '{}',
  note text NOT NULL CHECK (length(note) BETWEEN 3 AND 2000),
  -- Last day (Europe/Rome) to answer.
  deadline date NOT NULL,
  answered_at timestamptz,
  answer_note text CHECK (length(answer_note) <= 2000),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, application_id) REFERENCES application (tenant_id, id)
);
CREATE INDEX integration_request_app_idx ON integration_request (tenant_id, application_id, created_at DESC);

ALTER TABLE integration_request ENABLE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON integration_request USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant());
