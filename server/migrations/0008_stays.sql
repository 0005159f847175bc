-- Stays: Durante e Dopo di Noi (Law 112/2016). Housing solutions on stock units, their beds,
-- short-stay bookings with no double booking (EXCLUDE on bed × period), staff plans, mutual-aid
-- pairings, and individual life projects (versions, reviews, comments).
-- Periods are [starts_on, ends_on) days; `during` is derived from them for the constraints.

CREATE EXTENSION IF NOT EXISTS btree_gist;

-- One bed of a stock unit (the stock records only its capacity, unit.beds).
CREATE TABLE bed (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  unit_id uuid NOT NULL,
  number smallint NOT NULL CHECK (number BETWEEN 1 AND 40),
  label text NOT NULL CHECK (length(label) BETWEEN 1 AND 60),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, unit_id, number),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES unit (tenant_id, id)
);

-- A housing solution of the Dopo di Noi network, run on one unit (optionally by a partner body).
CREATE TABLE housing_solution (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  unit_id uuid NOT NULL,
  kind text NOT NULL CHECK (kind IN ('stable_home', 'autonomy_gym', 'respite', 'mutual_aid')),
  name text NOT NULL CHECK (length(name) BETWEEN 2 AND 200),
  description text CHECK (length(description) <= 2000),
  -- Which severities the solution can host: mild, severe or both.
  eligible_severities text[] NOT NULL CHECK (eligible_severities <@ ARRAY['mild', 'severe'] AND cardinality(eligible_severities) > 0),
  support_level text NOT NULL CHECK (support_level IN ('light', 'moderate', 'intensive', 'structured')),
  -- Staff hours planned per day by default (a day's plan may override it).
  staff_hours_per_day numeric(4, 1) NOT NULL CHECK (staff_hours_per_day BETWEEN 0 AND 24 * 10),
  max_stay_days smallint CHECK (max_stay_days BETWEEN 1 AND 366),
  run_by_organisation_id uuid,
  active boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, unit_id),
  UNIQUE (tenant_id, name),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES unit (tenant_id, id),
  FOREIGN KEY (tenant_id, run_by_organisation_id) REFERENCES organisation (tenant_id, id)
);

-- A short-stay request and, once approved, the booking of one bed.
-- requested → approved | waitlisted | refused | withdrawn; waitlisted → offered (a freed bed held
-- for it) → approved | waitlisted; approved → cancelled.
CREATE TABLE stay_booking (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  solution_id uuid NOT NULL,
  person_id uuid NOT NULL,
  starts_on date NOT NULL,
  ends_on date NOT NULL,
  during daterange GENERATED ALWAYS AS (daterange(starts_on, ends_on)) STORED,
  status text NOT NULL DEFAULT 'requested'
    CHECK (status IN ('requested', 'waitlisted', 'offered', 'approved', 'refused', 'withdrawn', 'cancelled')),
  bed_id uuid,
  needs text NOT NULL CHECK (length(needs) BETWEEN 1 AND 2000),
  support_hours_per_day numeric(4, 1) NOT NULL CHECK (support_hours_per_day BETWEEN 0 AND 24),
  severity text NOT NULL CHECK (severity IN ('mild', 'severe')),
  -- Family burden 0–5 as assessed (caregiver age, sole caregiver, health, other dependants).
  family_burden smallint NOT NULL CHECK (family_burden BETWEEN 0 AND 5),
  requested_by uuid,
  requested_as text NOT NULL CHECK (requested_as IN ('family', 'social_worker', 'operator')),
  decided_by uuid,
  decided_at timestamptz,
  decision_note text CHECK (length(decision_note) <= 1000),
  offered_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (ends_on > starts_on),
  CHECK ((status IN ('approved', 'offered')) = (bed_id IS NOT NULL) OR status = 'cancelled'),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, solution_id) REFERENCES housing_solution (tenant_id, id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id),
  FOREIGN KEY (tenant_id, bed_id) REFERENCES bed (tenant_id, id),
  -- No double booking, ever: an approved booking or a held offer owns its bed for its period.
  CONSTRAINT stay_booking_no_double_booking
    EXCLUDE USING gist (tenant_id WITH =, bed_id WITH =, during WITH &&) WHERE (status IN ('approved', 'offered'))
);
CREATE INDEX stay_booking_solution_idx ON stay_booking (tenant_id, solution_id, status, starts_on);
CREATE INDEX stay_booking_person_idx ON stay_booking (tenant_id, person_id, starts_on);

-- Staff hours planned on one day when they differ from the solution's default.
CREATE TABLE stay_staff_plan (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  solution_id uuid NOT NULL,
  day date NOT NULL,
  hours numeric(4, 1) NOT NULL CHECK (hours BETWEEN 0 AND 240),
  PRIMARY KEY (tenant_id, solution_id, day),
  FOREIGN KEY (tenant_id, solution_id) REFERENCES housing_solution (tenant_id, id)
);

-- Mutual-aid flats: a resident paired with a helper for some hours a week over a period.
CREATE TABLE mutual_aid_pairing (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  solution_id uuid NOT NULL,
  resident_id uuid NOT NULL,
  helper_id uuid NOT NULL,
  hours_per_week numeric(4, 1) NOT NULL CHECK (hours_per_week > 0 AND hours_per_week <= 60),
  tasks text NOT NULL CHECK (length(tasks) BETWEEN 1 AND 1000),
  starts_on date NOT NULL,
  ends_on date,
  during daterange GENERATED ALWAYS AS (daterange(starts_on, ends_on)) STORED,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (resident_id <> helper_id),
  CHECK (ends_on IS NULL OR ends_on > starts_on),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, solution_id) REFERENCES housing_solution (tenant_id, id),
  FOREIGN KEY (tenant_id, resident_id) REFERENCES person (tenant_id, id),
  FOREIGN KEY (tenant_id, helper_id) REFERENCES person (tenant_id, id),
  EXCLUDE USING gist (tenant_id WITH =, resident_id WITH =, helper_id WITH =, during WITH &&)
);

-- The individual life project (progetto di vita) of one person; its content lives in versions.
CREATE TABLE life_project (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  person_id uuid NOT NULL,
  current_version smallint NOT NULL DEFAULT 1,
  next_review_on date,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, person_id),
  FOREIGN KEY (tenant_id, person_id) REFERENCES person (tenant_id, id)
);

-- One version: assessment, wishes in the person's words, participation, goals (JSON, validated by
-- the API). A draft is edited in place; an approved version is frozen and editing opens the next.
CREATE TABLE life_project_version (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  project_id uuid NOT NULL,
  version smallint NOT NULL CHECK (version >= 1),
  content jsonb NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'approved')),
  approved_by uuid,
  approved_at timestamptz,
  approval_team text[],
  acknowledged_at timestamptz,
  acknowledged_by uuid,
  acknowledged_as text CHECK (acknowledged_as IN ('person', 'family')),
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((status = 'approved') = (approved_at IS NOT NULL)),
  CHECK (acknowledged_at IS NULL OR status = 'approved'),
  PRIMARY KEY (tenant_id, project_id, version),
  FOREIGN KEY (tenant_id, project_id) REFERENCES life_project (tenant_id, id)
);

-- A periodic review: progress per goal (0–4 with a note) and the next review date.
CREATE TABLE life_project_review (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL,
  version smallint NOT NULL,
  held_on date NOT NULL,
  progress jsonb NOT NULL,
  summary text CHECK (length(summary) <= 4000),
  next_review_on date NOT NULL,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (next_review_on > held_on),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, project_id, version) REFERENCES life_project_version (tenant_id, project_id, version)
);
CREATE INDEX life_project_review_idx ON life_project_review (tenant_id, project_id, held_on);

-- Comments on a project by the person, their family or the team.
CREATE TABLE life_project_comment (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  project_id uuid NOT NULL,
  author_user_id uuid NOT NULL,
  author_kind text NOT NULL CHECK (author_kind IN ('person', 'family', 'team')),
  body text NOT NULL CHECK (length(body) BETWEEN 1 AND 2000),
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, project_id) REFERENCES life_project (tenant_id, id),
  FOREIGN KEY (tenant_id, author_user_id) REFERENCES app_user (tenant_id, id)
);
CREATE INDEX life_project_comment_idx ON life_project_comment (tenant_id, project_id, created_at);

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['bed', 'housing_solution', 'stay_booking', 'stay_staff_plan', 'mutual_aid_pairing', 'life_project',
    'life_project_version', 'life_project_review', 'life_project_comment'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant())', t);
  END LOOP;
END $$;
