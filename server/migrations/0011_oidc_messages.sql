-- SPID/CIE login over OpenID Connect, and the notification outbox (in-app, email, App IO).

-- Per-ente relying-party settings for each identity federation (admin settings; environment
-- variables may configure the same for every ente, e.g. behind a Soggetto Aggregatore).
-- The secret is write-only through the API.
CREATE TABLE oidc_client (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  provider text NOT NULL CHECK (provider IN ('spid', 'cie')),
  issuer text NOT NULL CHECK (issuer ~ '^https?://'),
  client_id text NOT NULL CHECK (length(client_id) BETWEEN 1 AND 500),
  client_secret text,
  scope text NOT NULL DEFAULT 'openid profile email',
  enabled boolean NOT NULL DEFAULT true,
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, provider)
);

-- Login policy of an ente: staff may be required to sign in with SPID/CIE.
CREATE TABLE login_policy (
  tenant_id uuid PRIMARY KEY REFERENCES ente (id),
  staff_require_oidc boolean NOT NULL DEFAULT false,
  privacy_notice_version text NOT NULL DEFAULT '2026-01',
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- A login in flight: state, nonce and PKCE verifier, bound to the browser by a cookie, used once.
CREATE TABLE oidc_login (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  provider text NOT NULL CHECK (provider IN ('spid', 'cie')),
  state_hash text NOT NULL,
  browser_hash text NOT NULL,
  nonce text NOT NULL,
  code_verifier text NOT NULL,
  redirect_uri text NOT NULL,
  return_to text,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  consumed_at timestamptz,
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX oidc_login_state_key ON oidc_login (state_hash);

-- First SPID/CIE login of someone without an account: the verified identity waits for the
-- citizen to accept the privacy notice, then the account is created (single use, short-lived).
CREATE TABLE oidc_signup (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  ticket_hash text NOT NULL,
  browser_hash text NOT NULL,
  provider text NOT NULL CHECK (provider IN ('spid', 'cie')),
  codice_fiscale text NOT NULL CHECK (codice_fiscale ~ '^[A-Z0-9]{16}$'),
  given_name text NOT NULL,
  family_name text NOT NULL,
  email text,
  return_to text,
  created_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL,
  consumed_at timestamptz,
  PRIMARY KEY (tenant_id, id)
);
CREATE UNIQUE INDEX oidc_signup_ticket_key ON oidc_signup (ticket_hash);

-- Privacy notice accepted at account creation (versioned).
ALTER TABLE app_user ADD COLUMN privacy_accepted_at timestamptz;
ALTER TABLE app_user ADD COLUMN privacy_notice_version text;

-- Notifications: one row per message to one account (the in-app channel, with read state),
-- written in the same transaction as the event that caused it. The idempotency key makes a
-- repeated event (a retried request) a no-op.
CREATE TABLE notification (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id uuid NOT NULL,
  event text NOT NULL CHECK (event ~ '^[a-z_]+\.[a-z_]+$'),
  params jsonb NOT NULL DEFAULT '{}',
  link text CHECK (link ~ '^/'),
  entity_type text,
  entity_id text,
  idempotency_key text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  read_at timestamptz,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, idempotency_key),
  FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX notification_user_idx ON notification (tenant_id, user_id, created_at DESC, id DESC);
CREATE INDEX notification_unread_idx ON notification (tenant_id, user_id) WHERE read_at IS NULL;

-- The outbox: one delivery per external channel, sent by the delivery job with retries and
-- exponential backoff. A delivery being sent holds a lease; a crash leaves the lease to expire
-- and the delivery is sent again with the same idempotency key (its id).
CREATE TABLE notification_delivery (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  notification_id uuid NOT NULL,
  channel text NOT NULL CHECK (channel IN ('email', 'io')),
  address text NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  -- NULL: as soon as possible (a new delivery); else not before this instant (a retry).
  next_attempt_at timestamptz,
  lease_until timestamptz,
  last_error text,
  provider_ref text,
  sent_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, notification_id, channel),
  FOREIGN KEY (tenant_id, notification_id) REFERENCES notification (tenant_id, id) ON DELETE CASCADE
);
-- The job's scan, across enti: what is due.
CREATE INDEX notification_delivery_due_idx ON notification_delivery (next_attempt_at NULLS FIRST) WHERE status IN ('pending', 'sending');
CREATE INDEX notification_delivery_status_idx ON notification_delivery (tenant_id, status, created_at DESC);

-- The channels a person wants besides in-app (always on).
CREATE TABLE notification_preference (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  user_id uuid NOT NULL,
  email boolean NOT NULL DEFAULT true,
  io boolean NOT NULL DEFAULT true,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, user_id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id) ON DELETE CASCADE
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['oidc_client', 'login_policy', 'oidc_login', 'oidc_signup',
    'notification', 'notification_delivery', 'notification_preference'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant())', t);
  END LOOP;
END $$;
