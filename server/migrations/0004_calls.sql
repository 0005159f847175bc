-- Calls: public calls (bandi/avvisi) with their declarative rules (versioned, frozen at
-- publication), applications with documents and a gapless protocol number per tenant and year,
-- review, immutable hashed ranking snapshots (provisional/final) and objections.

CREATE TABLE call (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  program text NOT NULL CHECK (program IN ('youth_collab', 'dopo_di_noi', 'erp', 'agency', 'mediation', 'cohousing', 'housing_first')),
  title_it text NOT NULL CHECK (length(title_it) BETWEEN 3 AND 200),
  title_en text NOT NULL CHECK (length(title_en) BETWEEN 3 AND 200),
  body_it text NOT NULL DEFAULT '' CHECK (length(body_it) <= 20000),
  body_en text NOT NULL DEFAULT '' CHECK (length(body_en) <= 20000),
  opens_at timestamptz NOT NULL,
  closes_at timestamptz NOT NULL,
  places integer CHECK (places BETWEEN 1 AND 100000),
  objection_days smallint NOT NULL DEFAULT 30 CHECK (objection_days BETWEEN 1 AND 120),
  -- draft → published (open between opens_at and closes_at) → provisional → final
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'published', 'provisional', 'final')),
  rules_version integer NOT NULL DEFAULT 1,
  published_at timestamptz,
  provisional_at timestamptz,
  final_at timestamptz,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  CHECK (closes_at > opens_at)
);
CREATE INDEX call_program_idx ON call (tenant_id, program, opens_at DESC);

-- Every version of a call's rules; the call points at the one in force. Versions are never edited.
CREATE TABLE call_rules (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  call_id uuid NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  rules jsonb NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, call_id, version),
  FOREIGN KEY (tenant_id, call_id) REFERENCES call (tenant_id, id)
);

-- Protocol numbers: one counter per tenant and year, incremented under a row lock in the
-- submitting transaction, so numbers are unique and gapless (a rolled-back submission rolls
-- the counter back too).
CREATE TABLE protocol_counter (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  year smallint NOT NULL,
  last_number integer NOT NULL,
  PRIMARY KEY (tenant_id, year)
);

CREATE TABLE application (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  call_id uuid NOT NULL,
  person_id uuid,
  -- The citizen account that applies online; NULL for a paper application entered by the office.
  user_id uuid,
  channel text NOT NULL DEFAULT 'online' CHECK (channel IN ('online', 'paper')),
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'submitted', 'withdrawn', 'admitted', 'excluded')),
  -- Applicant as declared: given/family name, codice fiscale, birth date, contacts.
  applicant jsonb NOT NULL,
  household jsonb NOT NULL DEFAULT '[]',
  declared jsonb NOT NULL DEFAULT '{}',
  -- Office corrections of declared facts and per-criterion review {code: {outcome, note}}.
  verified jsonb NOT NULL DEFAULT '{}',
  criterion_review jsonb NOT NULL DEFAULT '{}',
  exclusion_reason text CHECK (exclusion_reason IN ('requirements_not_met', 'documents_missing', 'false_declaration', 'late', 'duplicate', 'other')),
  exclusion_note text CHECK (length(exclusion_note) <= 2000),
  protocol_year smallint,
  protocol_number integer,
  protocol text,
  submitted_at timestamptz,
  withdrawn_at timestamptz,
  reviewed_at timestamptz,
  reviewed_by uuid,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, call_id) REFERENCES call (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id),
  UNIQUE (tenant_id, protocol_year, protocol_number),
  CHECK ((protocol IS NULL) = (protocol_number IS NULL)),
  CHECK (status = 'draft' OR status = 'withdrawn' OR protocol IS NOT NULL)
);
CREATE INDEX application_call_idx ON application (tenant_id, call_id, status, protocol);
CREATE INDEX application_user_idx ON application (tenant_id, user_id);
-- One live application per account and call (a withdrawn one does not count).
CREATE UNIQUE INDEX application_user_call_key ON application (tenant_id, call_id, user_id) WHERE user_id IS NOT NULL AND status <> 'withdrawn';

CREATE TABLE objection (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  application_id uuid NOT NULL,
  call_id uuid NOT NULL,
  text text NOT NULL CHECK (length(text) BETWEEN 10 AND 5000),
  status text NOT NULL DEFAULT 'filed' CHECK (status IN ('filed', 'accepted', 'rejected')),
  decision_note text CHECK (length(decision_note) <= 5000),
  decided_by uuid,
  decided_at timestamptz,
  filed_by uuid,
  filed_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, application_id) REFERENCES application (tenant_id, id),
  FOREIGN KEY (tenant_id, call_id) REFERENCES call (tenant_id, id)
);
CREATE INDEX objection_call_idx ON objection (tenant_id, call_id, status);
-- One objection per application and ranking round.
CREATE UNIQUE INDEX objection_application_key ON objection (tenant_id, application_id);

-- Uploaded documents (of an application or of an objection), content sniffed and checksummed,
-- stored in the database (outside the web root).
CREATE TABLE application_document (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  application_id uuid NOT NULL,
  objection_id uuid,
  kind text NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_]{0,39}$'),
  file_name text NOT NULL CHECK (length(file_name) BETWEEN 1 AND 200),
  content_type text NOT NULL CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png')),
  size_bytes integer NOT NULL CHECK (size_bytes BETWEEN 1 AND 5242880),
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  content bytea NOT NULL,
  uploaded_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, application_id) REFERENCES application (tenant_id, id),
  FOREIGN KEY (tenant_id, objection_id) REFERENCES objection (tenant_id, id)
);
CREATE INDEX application_document_app_idx ON application_document (tenant_id, application_id);

-- A published ranking: an immutable snapshot (protocol, position, points, coded exclusion
-- reason; the application id only for the applicant's own view, never published), the SHA-256
-- of the public part as canonical JSON, and the seed of the draw by lot.
CREATE TABLE ranking (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  call_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('provisional', 'final')),
  rules_version integer NOT NULL,
  seed text NOT NULL,
  entries jsonb NOT NULL,
  sha256 text NOT NULL CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  published_at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  published_by uuid,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, call_id) REFERENCES call (tenant_id, id),
  UNIQUE (tenant_id, call_id, kind)
);

-- Snapshots and rule versions are append-only for everyone.
REVOKE UPDATE, DELETE, TRUNCATE ON ranking FROM abitare_app;
REVOKE UPDATE, DELETE, TRUNCATE ON call_rules FROM abitare_app;
CREATE FUNCTION calls_snapshot_is_immutable() RETURNS trigger LANGUAGE plpgsql AS
$$ BEGIN RAISE EXCEPTION '% rows are never changed', TG_TABLE_NAME; END $$;
CREATE TRIGGER ranking_immutable BEFORE UPDATE OR DELETE ON ranking FOR EACH ROW EXECUTE FUNCTION calls_snapshot_is_immutable();
CREATE TRIGGER call_rules_immutable BEFORE UPDATE OR DELETE ON call_rules FOR EACH ROW EXECUTE FUNCTION calls_snapshot_is_immutable();

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['call', 'call_rules', 'protocol_counter', 'application', 'objection', 'application_document', 'ranking'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant())', t);
  END LOOP;
END $$;
