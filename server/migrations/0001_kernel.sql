-- Kernel: tenants (enti), organisations, users, role assignments, sessions, audit.
-- Every domain table carries tenant_id as the first column of its primary and foreign keys, so
-- the schema can be distributed by tenant (Citus). Row-level security is the second wall behind
-- the repositories' tenant scoping: requests run as the role abitare_app with app.tenant_id set.

DO $$ BEGIN
  CREATE ROLE abitare_app NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END $$;

DO $$ BEGIN
  EXECUTE format('GRANT abitare_app TO %I', current_user);
EXCEPTION WHEN others THEN NULL;
END $$;

GRANT USAGE ON SCHEMA public TO abitare_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO abitare_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO abitare_app;

-- The tenant of the current request, NULL outside one ('' after a SET LOCAL ends).
CREATE FUNCTION app_tenant() RETURNS uuid LANGUAGE sql STABLE AS
$$ SELECT NULLIF(current_setting('app.tenant_id', true), '')::uuid $$;

-- The tenant itself: a municipality, a union of municipalities or a consortium.
-- A reference table on Citus; names are public (the login page lists them).
CREATE TABLE ente (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  slug text NOT NULL UNIQUE CHECK (slug ~ '^[a-z0-9][a-z0-9-]{1,39}$'),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  kind text NOT NULL CHECK (kind IN ('comune', 'unione', 'consorzio')),
  codice_istat text CHECK (codice_istat ~ '^[0-9]{6}$'),
  belfiore text CHECK (belfiore ~ '^[A-Z][0-9]{3}$'),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now()
);
GRANT SELECT ON ente TO abitare_app;
REVOKE INSERT, UPDATE, DELETE ON ente FROM abitare_app;

CREATE TABLE organisation (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  kind text NOT NULL CHECK (kind IN ('municipality', 'foundation', 'health_authority', 'housing_company', 'agency', 'association', 'cooperative', 'other')),
  fiscal_code text CHECK (fiscal_code ~ '^[0-9]{11}$'),
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, name)
);

CREATE TABLE app_user (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  organisation_id uuid,
  email text NOT NULL CHECK (email ~ '^[^@\s]+@[^@\s]+$'),
  full_name text NOT NULL CHECK (length(full_name) BETWEEN 1 AND 200),
  codice_fiscale text CHECK (codice_fiscale ~ '^[A-Z0-9]{16}$'),
  password_hash text,
  locale text NOT NULL DEFAULT 'it' CHECK (locale IN ('it', 'en')),
  active boolean NOT NULL DEFAULT true,
  is_demo boolean NOT NULL DEFAULT false,
  failed_logins integer NOT NULL DEFAULT 0,
  locked_until timestamptz,
  password_changed_at timestamptz,
  last_login_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisation (tenant_id, id)
);
CREATE UNIQUE INDEX app_user_email_key ON app_user (tenant_id, lower(email));
CREATE UNIQUE INDEX app_user_cf_key ON app_user (tenant_id, codice_fiscale) WHERE codice_fiscale IS NOT NULL;
CREATE INDEX app_user_name_idx ON app_user (tenant_id, full_name, id);

-- A role held by a user; program NULL means every program of the tenant.
CREATE TABLE role_assignment (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL,
  role text NOT NULL CHECK (role IN ('citizen', 'landlord', 'housing_operator', 'social_worker', 'housing_first_team', 'mediator', 'agency_operator', 'partner_staff', 'admin')),
  program text CHECK (program IN ('youth_collab', 'dopo_di_noi', 'erp', 'agency', 'mediation', 'cohousing', 'housing_first')),
  granted_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id) ON DELETE CASCADE,
  UNIQUE NULLS NOT DISTINCT (tenant_id, user_id, role, program)
);

-- Server-side sessions. The cookie holds a random token; only its SHA-256 is stored.
-- auth_method/identity_provider let an OIDC login (SPID/CIE) open the same kind of session.
CREATE TABLE auth_session (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  token_hash text NOT NULL,
  user_id uuid NOT NULL,
  auth_method text NOT NULL CHECK (auth_method IN ('password', 'oidc')),
  identity_provider text,
  csrf_token text NOT NULL,
  ip text,
  user_agent text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_seen_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  revoked_at timestamptz,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id) ON DELETE CASCADE
);
CREATE UNIQUE INDEX auth_session_token_key ON auth_session (token_hash);
CREATE INDEX auth_session_user_idx ON auth_session (tenant_id, user_id);

-- Append-only audit trail: who did or saw what, when, why.
CREATE TABLE audit_log (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  -- Millisecond precision so the value round-trips through JavaScript (keyset pagination).
  at timestamptz NOT NULL DEFAULT date_trunc('milliseconds', now()),
  user_id uuid,
  organisation_id uuid,
  action text NOT NULL,
  entity_type text,
  entity_id text,
  purpose text,
  sensitive_category text CHECK (sensitive_category IN ('health', 'disability', 'addiction', 'homelessness', 'judicial')),
  outcome text NOT NULL DEFAULT 'success' CHECK (outcome IN ('success', 'denied', 'failure')),
  request_id text,
  ip text,
  details jsonb,
  PRIMARY KEY (tenant_id, id)
);
CREATE INDEX audit_log_at_idx ON audit_log (tenant_id, at DESC, id DESC);
CREATE INDEX audit_log_entity_idx ON audit_log (tenant_id, entity_type, entity_id);
CREATE INDEX audit_log_user_idx ON audit_log (tenant_id, user_id, at DESC);

REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM abitare_app;
GRANT SELECT, INSERT ON audit_log TO abitare_app;

CREATE FUNCTION audit_log_is_append_only() RETURNS trigger LANGUAGE plpgsql AS
$$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION audit_log_is_append_only();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION audit_log_is_append_only();

-- Row-level security: a request sees only its own tenant's rows.
DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['organisation', 'app_user', 'role_assignment', 'auth_session', 'audit_log'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant())', t);
  END LOOP;
END $$;
