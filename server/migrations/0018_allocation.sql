-- Allocation: the compatibility questionnaires of a call's admitted applicants, the scoring
-- settings of the call, the plan proposed by the matching engine (pairs and flats), and the
-- offers made to people with their answers. The engine proposes; an operator confirms.

-- Scoring settings of a call (hard constraints, weights), validated by the module's zod schema.
CREATE TABLE allocation_settings (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  call_id uuid NOT NULL,
  config jsonb NOT NULL,
  updated_by uuid,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, call_id),
  FOREIGN KEY (tenant_id, call_id) REFERENCES call (tenant_id, id)
);

-- One questionnaire per application, filled by the applicant or by an operator.
CREATE TABLE allocation_questionnaire (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  application_id uuid NOT NULL,
  call_id uuid NOT NULL,
  answers jsonb NOT NULL,
  filled_by uuid,
  filled_as text NOT NULL CHECK (filled_as IN ('applicant', 'operator')),
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, application_id),
  FOREIGN KEY (tenant_id, application_id) REFERENCES application (tenant_id, id),
  FOREIGN KEY (tenant_id, call_id) REFERENCES call (tenant_id, id)
);
CREATE INDEX allocation_questionnaire_call_idx ON allocation_questionnaire (tenant_id, call_id);

-- One plan per call: draft (recomputed on every adjustment) → confirmed (offers made).
CREATE TABLE allocation_plan (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  call_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'confirmed')),
  -- The operator's adjustments: [[applicationA, applicationB], ...]
  locked jsonb NOT NULL DEFAULT '[]',
  forbidden jsonb NOT NULL DEFAULT '[]',
  pair_total integer NOT NULL DEFAULT 0,
  place_total integer NOT NULL DEFAULT 0,
  computed_at timestamptz NOT NULL DEFAULT now(),
  created_by uuid,
  confirmed_at timestamptz,
  confirmed_by uuid,
  PRIMARY KEY (tenant_id, id),
  UNIQUE (tenant_id, call_id),
  FOREIGN KEY (tenant_id, call_id) REFERENCES call (tenant_id, id)
);

-- A proposed pair and the flat proposed to it, with the contribution of each factor.
CREATE TABLE allocation_pair (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL,
  application_a uuid NOT NULL,
  application_b uuid NOT NULL,
  unit_id uuid,
  score integer NOT NULL CHECK (score >= 0),
  factors jsonb NOT NULL DEFAULT '{}',
  place_score integer CHECK (place_score >= 0),
  place_factors jsonb NOT NULL DEFAULT '{}',
  locked boolean NOT NULL DEFAULT false,
  -- proposed → offered (plan confirmed); broken when one of the two refuses
  status text NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'offered', 'broken')),
  replaces uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, plan_id) REFERENCES allocation_plan (tenant_id, id),
  FOREIGN KEY (tenant_id, application_a) REFERENCES application (tenant_id, id),
  FOREIGN KEY (tenant_id, application_b) REFERENCES application (tenant_id, id),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES unit (tenant_id, id),
  CHECK (application_a <> application_b)
);
CREATE INDEX allocation_pair_plan_idx ON allocation_pair (tenant_id, plan_id);

-- An offer of a flat to one person, with a response deadline.
CREATE TABLE allocation_offer (
  tenant_id uuid NOT NULL REFERENCES ente (id),
  id uuid NOT NULL DEFAULT gen_random_uuid(),
  plan_id uuid NOT NULL,
  pair_id uuid NOT NULL,
  application_id uuid NOT NULL,
  unit_id uuid NOT NULL,
  status text NOT NULL DEFAULT 'offered' CHECK (status IN ('offered', 'accepted', 'refused')),
  deadline timestamptz NOT NULL,
  refusal_reason text CHECK (refusal_reason IN ('cohabitant', 'location', 'flat', 'personal', 'other')),
  refusal_note text CHECK (length(refusal_note) <= 2000),
  responded_at timestamptz,
  responded_by uuid,
  created_by uuid,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, plan_id) REFERENCES allocation_plan (tenant_id, id),
  FOREIGN KEY (tenant_id, pair_id) REFERENCES allocation_pair (tenant_id, id),
  FOREIGN KEY (tenant_id, application_id) REFERENCES application (tenant_id, id),
  FOREIGN KEY (tenant_id, unit_id) REFERENCES unit (tenant_id, id),
  CHECK ((status = 'refused') = (refusal_reason IS NOT NULL))
);
CREATE INDEX allocation_offer_unit_idx ON allocation_offer (tenant_id, unit_id, status);
-- One live offer per person.
CREATE UNIQUE INDEX allocation_offer_live_key ON allocation_offer (tenant_id, application_id) WHERE status IN ('offered', 'accepted');

DO $$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['allocation_settings', 'allocation_questionnaire', 'allocation_plan', 'allocation_pair', 'allocation_offer'] LOOP
    EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
    EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (tenant_id = app_tenant()) WITH CHECK (tenant_id = app_tenant())', t);
  END LOOP;
END $$;
