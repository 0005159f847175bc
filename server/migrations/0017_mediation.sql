-- Mediation on ERP estates: which mediators work on which estate, conflict cases (parties,
-- sessions, agreements, closure, escalation; also arrears accompaniments), residents' reports of
-- building problems (routed to the managing body, status history, photo), community activities
-- (registrations with capacity, attendance, volunteers) and tenants' committees (members,
-- meetings with minutes, common expenses split among households in integer cents).

-- A mediator works on the estates assigned here and sees nothing of the others.
CREATE TABLE mediation_assignment (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  estate_id uuid NOT NULL,
  user_id uuid NOT NULL,
  assigned_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, estate_id, user_id),
  FOREIGN KEY (tenant_id, estate_id) REFERENCES estate (tenant_id, id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id)
);
CREATE INDEX mediation_assignment_user_idx ON mediation_assignment (tenant_id, user_id);

CREATE TABLE mediation_case (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  estate_id uuid NOT NULL,
  kind text NOT NULL DEFAULT 'conflict' CHECK (kind IN ('conflict', 'arrears')),
  type text NOT NULL CHECK (type IN ('noise', 'common_spaces', 'damage', 'coexistence', 'safety', 'arrears', 'other')),
  severity text NOT NULL CHECK (severity IN ('low', 'medium', 'high')),
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'in_mediation', 'agreement', 'follow_up', 'escalated', 'closed')),
  reported_by text NOT NULL CHECK (reported_by IN ('resident', 'managing_body', 'social_services', 'mediator', 'police', 'other')),
  summary text NOT NULL CHECK (length(summary) BETWEEN 3 AND 2000),
  opened_on date NOT NULL,
  follow_up_on date,
  tenancy_id uuid,
  escalated_to text CHECK (escalated_to IN ('managing_body', 'social_services')),
  escalated_on date,
  escalation_note text CHECK (length(escalation_note) <= 2000),
  closed_on date,
  result text CHECK (result IN ('resolved', 'partly_resolved', 'not_resolved', 'withdrawn')),
  closure_note text CHECK (length(closure_note) <= 2000),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, estate_id) REFERENCES estate (tenant_id, id),
  FOREIGN KEY (tenant_id, tenancy_id) REFERENCES tenancy (tenant_id, id),
  CHECK ((status = 'closed') = (closed_on IS NOT NULL AND result IS NOT NULL)),
  CHECK ((escalated_to IS NULL) = (escalated_on IS NULL)),
  CHECK (closed_on IS NULL OR closed_on >= opened_on)
);
CREATE INDEX mediation_case_estate_idx ON mediation_case (tenant_id, estate_id, status);

-- The households of the estate involved in a case.
CREATE TABLE mediation_party (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  case_id uuid NOT NULL,
  household_id uuid NOT NULL,
  role text NOT NULL DEFAULT 'involved' CHECK (role IN ('complainant', 'respondent', 'involved')),
  PRIMARY KEY (tenant_id, case_id, household_id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES mediation_case (tenant_id, id),
  FOREIGN KEY (tenant_id, household_id) REFERENCES household (tenant_id, id)
);

CREATE TABLE mediation_session (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  held_on date NOT NULL,
  participants text NOT NULL CHECK (length(participants) BETWEEN 1 AND 1000),
  outcome text NOT NULL CHECK (length(outcome) BETWEEN 1 AND 2000),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES mediation_case (tenant_id, id)
);
CREATE INDEX mediation_session_case_idx ON mediation_session (tenant_id, case_id);

CREATE TABLE mediation_agreement (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  case_id uuid NOT NULL,
  agreed_on date NOT NULL,
  terms text NOT NULL CHECK (length(terms) BETWEEN 3 AND 4000),
  follow_up_on date,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, case_id) REFERENCES mediation_case (tenant_id, id),
  CHECK (follow_up_on IS NULL OR follow_up_on >= agreed_on)
);
CREATE INDEX mediation_agreement_case_idx ON mediation_agreement (tenant_id, case_id);

-- A resident's report of a problem in their building, routed to the managing body.
CREATE TABLE resident_report (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  estate_id uuid,
  building_id uuid NOT NULL,
  category text NOT NULL CHECK (category IN ('maintenance', 'safety', 'cleanliness', 'other')),
  description text NOT NULL CHECK (length(description) BETWEEN 3 AND 2000),
  location text CHECK (length(location) <= 200),
  status text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'routed', 'in_progress', 'resolved', 'rejected')),
  urgent boolean NOT NULL DEFAULT false,
  routed_to uuid,
  reporter_user_id uuid NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, estate_id) REFERENCES estate (tenant_id, id),
  FOREIGN KEY (tenant_id, building_id) REFERENCES building (tenant_id, id),
  FOREIGN KEY (tenant_id, routed_to) REFERENCES organisation (tenant_id, id),
  FOREIGN KEY (tenant_id, reporter_user_id) REFERENCES app_user (tenant_id, id)
);
CREATE INDEX resident_report_estate_idx ON resident_report (tenant_id, estate_id, status);
CREATE INDEX resident_report_reporter_idx ON resident_report (tenant_id, reporter_user_id);

CREATE TABLE resident_report_photo (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  report_id uuid NOT NULL,
  content_type text NOT NULL CHECK (content_type IN ('image/jpeg', 'image/png', 'image/webp')),
  size_bytes integer NOT NULL CHECK (size_bytes BETWEEN 1 AND 2097152),
  data bytea NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, report_id) REFERENCES resident_report (tenant_id, id)
);
CREATE INDEX resident_report_photo_idx ON resident_report_photo (tenant_id, report_id);

-- Every status a report went through, with a note the reporter can read.
CREATE TABLE resident_report_event (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  report_id uuid NOT NULL,
  status text NOT NULL CHECK (status IN ('received', 'routed', 'in_progress', 'resolved', 'rejected')),
  note text CHECK (length(note) <= 1000),
  by_user uuid,
  at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, report_id) REFERENCES resident_report (tenant_id, id)
);
CREATE INDEX resident_report_event_idx ON resident_report_event (tenant_id, report_id, at);

CREATE TABLE community_activity (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  estate_id uuid NOT NULL,
  title text NOT NULL CHECK (length(title) BETWEEN 3 AND 200),
  category text NOT NULL CHECK (category IN ('educational', 'recreational', 'training', 'common_goods')),
  audience text NOT NULL DEFAULT 'all' CHECK (audience IN ('all', 'children', 'youth', 'adults', 'elderly')),
  starts_at timestamptz NOT NULL,
  ends_at timestamptz NOT NULL,
  common_space_id uuid,
  place text CHECK (length(place) <= 200),
  partner text CHECK (length(partner) <= 200),
  capacity smallint NOT NULL CHECK (capacity BETWEEN 1 AND 1000),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, estate_id) REFERENCES estate (tenant_id, id),
  FOREIGN KEY (tenant_id, common_space_id) REFERENCES common_space (tenant_id, id),
  CHECK (ends_at > starts_at)
);
CREATE INDEX community_activity_estate_idx ON community_activity (tenant_id, estate_id, starts_at);

-- A registration: a resident (account) or a name written by the mediator; volunteers do not
-- count against the capacity. Capacity is held by locking the activity row (see service.ts).
CREATE TABLE activity_registration (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  activity_id uuid NOT NULL,
  user_id uuid,
  name text NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
  role text NOT NULL DEFAULT 'participant' CHECK (role IN ('participant', 'volunteer')),
  attended boolean,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, activity_id) REFERENCES community_activity (tenant_id, id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES app_user (tenant_id, id)
);
CREATE UNIQUE INDEX activity_registration_user_idx ON activity_registration (tenant_id, activity_id, user_id) WHERE user_id IS NOT NULL;

-- Tenants' self-management (autogestione): a committee per building.
CREATE TABLE tenant_committee (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  building_id uuid NOT NULL,
  name text NOT NULL CHECK (length(name) BETWEEN 3 AND 200),
  founded_on date NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, building_id),
  FOREIGN KEY (tenant_id, building_id) REFERENCES building (tenant_id, id)
);

CREATE TABLE committee_member (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  committee_id uuid NOT NULL,
  household_id uuid NOT NULL,
  representative text NOT NULL CHECK (length(representative) BETWEEN 1 AND 200),
  role text NOT NULL DEFAULT 'member' CHECK (role IN ('president', 'treasurer', 'secretary', 'member')),
  joined_on date NOT NULL,
  PRIMARY KEY (tenant_id, committee_id, household_id),
  FOREIGN KEY (tenant_id, committee_id) REFERENCES tenant_committee (tenant_id, id),
  FOREIGN KEY (tenant_id, household_id) REFERENCES household (tenant_id, id)
);

CREATE TABLE committee_meeting (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  committee_id uuid NOT NULL,
  held_on date NOT NULL,
  minutes text NOT NULL CHECK (length(minutes) BETWEEN 3 AND 8000),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, committee_id) REFERENCES tenant_committee (tenant_id, id)
);

CREATE TABLE committee_expense (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  committee_id uuid NOT NULL,
  spent_on date NOT NULL,
  description text NOT NULL CHECK (length(description) BETWEEN 3 AND 500),
  amount_cents bigint NOT NULL CHECK (amount_cents > 0),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, committee_id) REFERENCES tenant_committee (tenant_id, id)
);

-- Each household's share of an expense (the shares add up to the amount) and when it was paid.
CREATE TABLE committee_expense_share (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  expense_id uuid NOT NULL,
  household_id uuid NOT NULL,
  share_cents bigint NOT NULL CHECK (share_cents >= 0),
  paid_on date,
  PRIMARY KEY (tenant_id, expense_id, household_id),
  FOREIGN KEY (tenant_id, expense_id) REFERENCES committee_expense (tenant_id, id),
  FOREIGN KEY (tenant_id, household_id) REFERENCES household (tenant_id, id)
);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['mediation_assignment', 'mediation_case', 'mediation_party', 'mediation_session', 'mediation_agreement',
    'resident_report', 'resident_report_photo', 'resident_report_event', 'community_activity', 'activity_registration',
    'tenant_committee', 'committee_member', 'committee_meeting', 'committee_expense', 'committee_expense_share'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant())', t);
  END LOOP;
END $$;
