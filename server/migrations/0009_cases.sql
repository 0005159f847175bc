-- Accompaniment (presa in carico): cases per person (and household) per program, the team, the
-- path of stages with checklists, agreements signed by residents, notes with a confidentiality
-- level, referrals between organisations; Housing First placements, weekly visit plans and the
-- visit log with observations; work paths (training, placements, borse lavoro) run by centres.

-- One case of a person (optionally with the household) in one program.
CREATE TABLE case_file (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  program text NOT NULL CHECK (program IN ('youth_collab', 'dopo_di_noi', 'erp', 'agency', 'mediation', 'cohousing', 'housing_first')),
  person_id uuid NOT NULL,
  household_id uuid,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'suspended', 'closed')),
  opened_on date NOT NULL,
  closed_on date,
  close_reason text CHECK (length(close_reason) <= 500),
  summary text CHECK (length(summary) <= 2000),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id),
  FOREIGN KEY (tenant_id, household_id) REFERENCES household (tenant_id, id),
  CHECK ((status = 'closed') = (closed_on IS NOT NULL)),
  CHECK (closed_on IS NULL OR closed_on >= opened_on)
);
-- One case not closed per person and program.
CREATE UNIQUE INDEX case_file_open_idx ON case_file (tenant_id, person_id, program) WHERE status <> 'closed';
CREATE INDEX case_file_program_idx ON case_file (tenant_id, program, status);

-- The team: staff users with a role in the case, over [from_on, to_on).
CREATE TABLE case_member (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  user_id uuid NOT NULL,
  role text NOT NULL CHECK (role IN ('case_manager', 'educator', 'social_worker', 'partner_staff', 'team_lead', 'other')),
  from_on date NOT NULL,
  to_on date,
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES case_file (tenant_id, id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id),
  CHECK (to_on IS NULL OR to_on > from_on)
);
CREATE INDEX case_member_case_idx ON case_member (tenant_id, case_id);
CREATE INDEX case_member_user_idx ON case_member (tenant_id, user_id);

-- The accompaniment path: the program's stages copied into the case when it opens.
CREATE TABLE case_stage (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  case_id uuid NOT NULL,
  stage_key text NOT NULL CHECK (stage_key ~ '^[a-z_]{2,40}$'),
  position smallint NOT NULL CHECK (position BETWEEN 1 AND 30),
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'active', 'done')),
  started_on date,
  completed_on date,
  PRIMARY KEY (tenant_id, case_id, stage_key),
  FOREIGN KEY (tenant_id, case_id) REFERENCES case_file (tenant_id, id),
  UNIQUE (tenant_id, case_id, position)
);

CREATE TABLE case_checklist_item (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  case_id uuid NOT NULL,
  stage_key text NOT NULL,
  item_key text NOT NULL CHECK (item_key ~ '^[a-z_]{2,40}$'),
  position smallint NOT NULL,
  done_on date,
  done_by uuid,
  note text CHECK (length(note) <= 500),
  PRIMARY KEY (tenant_id, case_id, stage_key, item_key),
  FOREIGN KEY (tenant_id, case_id, stage_key) REFERENCES case_stage (tenant_id, case_id, stage_key)
);

-- Agreements signed by the residents (cohabitation agreement, house rules…), by version and day.
CREATE TABLE case_agreement (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('cohabitation_agreement', 'house_rules', 'housing_first_agreement', 'individual_project', 'other')),
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  version text NOT NULL CHECK (length(version) BETWEEN 1 AND 20),
  signed_on date NOT NULL,
  signed_by text NOT NULL CHECK (length(signed_by) BETWEEN 1 AND 300),
  reference text CHECK (length(reference) <= 300),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES case_file (tenant_id, id),
  UNIQUE (tenant_id, case_id, kind, version)
);

-- Notes: who may read one is decided in SQL by its confidentiality (team / program / partner).
-- A note about a special category (health, addiction…) is audited on every content read.
CREATE TABLE case_note (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  author_id uuid NOT NULL,
  confidentiality text NOT NULL CHECK (confidentiality IN ('team', 'program', 'partner')),
  sensitive_category text CHECK (sensitive_category IN ('health', 'disability', 'addiction', 'homelessness', 'judicial')),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 5000),
  written_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES case_file (tenant_id, id),
  FOREIGN KEY (tenant_id, author_id) REFERENCES app_user (tenant_id, id)
);
CREATE INDEX case_note_case_idx ON case_note (tenant_id, case_id, written_at DESC);

-- Referrals from one organisation to another (e.g. Comune → Azienda USL, → job service).
CREATE TABLE case_referral (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  from_organisation_id uuid,
  to_organisation_id uuid NOT NULL,
  service text NOT NULL CHECK (length(service) BETWEEN 1 AND 200),
  reason text NOT NULL CHECK (length(reason) BETWEEN 1 AND 2000),
  referred_on date NOT NULL,
  status text NOT NULL DEFAULT 'sent' CHECK (status IN ('sent', 'accepted', 'declined', 'completed')),
  responded_on date,
  response_note text CHECK (length(response_note) <= 1000),
  outcome text CHECK (length(outcome) <= 1000),
  outcome_on date,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES case_file (tenant_id, id),
  FOREIGN KEY (tenant_id, from_organisation_id) REFERENCES organisation (tenant_id, id),
  FOREIGN KEY (tenant_id, to_organisation_id) REFERENCES organisation (tenant_id, id),
  CHECK (responded_on IS NULL OR responded_on >= referred_on)
);
CREATE INDEX case_referral_case_idx ON case_referral (tenant_id, case_id);
CREATE INDEX case_referral_to_idx ON case_referral (tenant_id, to_organisation_id, status);

-- Housing First: the flat of a participant (unit and, when present, the tenancy for the rent
-- contribution), housed from a day; an exit by type (autonomy / negative / other).
CREATE TABLE hf_placement (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  case_id uuid NOT NULL,
  unit_id uuid,
  tenancy_id uuid,
  housed_on date NOT NULL,
  left_on date,
  exit_kind text CHECK (exit_kind IN ('autonomy', 'eviction', 'prison', 'death', 'drop_out', 'other')),
  PRIMARY KEY (tenant_id, case_id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES case_file (tenant_id, id),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES unit (tenant_id, id),
  FOREIGN KEY (tenant_id, tenancy_id) REFERENCES tenancy (tenant_id, id),
  CHECK (left_on IS NULL OR left_on > housed_on),
  CHECK ((left_on IS NULL) = (exit_kind IS NULL))
);

-- The weekly visit plan: a weekday, a time window (Europe/Rome wall clock) and a professional.
CREATE TABLE visit_plan (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  window_start time NOT NULL,
  window_end time NOT NULL,
  professional_id uuid NOT NULL,
  valid_from date NOT NULL,
  valid_to date,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES case_file (tenant_id, id),
  FOREIGN KEY (tenant_id, professional_id) REFERENCES app_user (tenant_id, id),
  CHECK (window_end > window_start),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX visit_plan_case_idx ON visit_plan (tenant_id, case_id);

-- The visit log: one row per event on a planned slot (done, missed with a reason, rescheduled to
-- a day with a reason) or an extra visit (slot_on NULL). Observations: five areas on a 1–5 scale.
CREATE TABLE visit (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  slot_on date,
  status text NOT NULL CHECK (status IN ('done', 'missed', 'rescheduled')),
  occurred_on date NOT NULL,
  professional_id uuid NOT NULL,
  reason text CHECK (length(reason) <= 500),
  rescheduled_to date,
  observations jsonb,
  notes text CHECK (length(notes) <= 4000),
  logged_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES case_file (tenant_id, id),
  FOREIGN KEY (tenant_id, professional_id) REFERENCES app_user (tenant_id, id),
  CHECK ((status = 'rescheduled') = (rescheduled_to IS NOT NULL)),
  CHECK (status = 'done' OR reason IS NOT NULL)
);
CREATE INDEX visit_case_idx ON visit (tenant_id, case_id, occurred_on);

-- Centres that run work paths: centri polifunzionali, training providers, job services, employers.
CREATE TABLE work_centre (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  kind text NOT NULL CHECK (kind IN ('centro_polifunzionale', 'training_provider', 'job_service', 'employer', 'other')),
  organisation_id uuid,
  address text CHECK (length(address) <= 300),
  services text[] NOT NULL DEFAULT '{}',
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, organisation_id) REFERENCES organisation (tenant_id, id),
  UNIQUE (tenant_id, name)
);

-- A work path of a person's case: training course, placement (tirocinio) or borsa lavoro.
CREATE TABLE work_path (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('training', 'placement', 'work_grant')),
  centre_id uuid NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 1 AND 200),
  hours_per_month smallint NOT NULL CHECK (hours_per_month BETWEEN 1 AND 200),
  monthly_grant_cents bigint NOT NULL DEFAULT 0 CHECK (monthly_grant_cents >= 0),
  started_on date NOT NULL,
  ends_on date NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('planned', 'active', 'completed', 'interrupted')),
  outcome text CHECK (outcome IN ('employment_contract', 'further_training', 'no_outcome', 'dropped_out')),
  outcome_note text CHECK (length(outcome_note) <= 1000),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES case_file (tenant_id, id),
  FOREIGN KEY (tenant_id, centre_id) REFERENCES work_centre (tenant_id, id),
  CHECK (ends_on > started_on)
);
CREATE INDEX work_path_case_idx ON work_path (tenant_id, case_id);

-- Monthly attendance of a work path (month = its first day).
CREATE TABLE work_attendance (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  path_id uuid NOT NULL,
  month date NOT NULL CHECK (extract(day FROM month) = 1),
  hours_attended smallint NOT NULL CHECK (hours_attended BETWEEN 0 AND 400),
  recorded_by uuid,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, path_id, month),
  FOREIGN KEY (tenant_id, path_id) REFERENCES work_path (tenant_id, id)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['case_file', 'case_member', 'case_stage', 'case_checklist_item', 'case_agreement', 'case_note', 'case_referral',
    'hf_placement', 'visit_plan', 'visit', 'work_centre', 'work_path', 'work_attendance'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant())', t);
  END LOOP;
END $$;
