-- Stock filters under row-level security. With RLS on a table PostgreSQL ignores column
-- statistics for operators that are not leakproof: `during @> date` (the period in force today),
-- `lower(neighbourhood) = …`, `accessibility @> …` and `code ILIKE …` were all estimated at 0.5% of the rows, so
-- at 100,000 units the planner walked nested loops over the whole stock (seconds per page).
-- Stored plain columns compared with leakproof operators (=, <, IS NULL) keep their statistics,
-- and btree indexes answer both "the period of this unit in force today" and "the units whose
-- current status/program is X".

-- Periods as two dates: [starts_on, ends_on), ends_on NULL = open-ended.
ALTER TABLE unit_status
  ADD COLUMN starts_on date GENERATED ALWAYS AS (lower(during)) STORED,
  ADD COLUMN ends_on date GENERATED ALWAYS AS (upper(during)) STORED;
ALTER TABLE unit_program
  ADD COLUMN starts_on date GENERATED ALWAYS AS (lower(during)) STORED,
  ADD COLUMN ends_on date GENERATED ALWAYS AS (upper(during)) STORED;

-- The period of one unit on a day (the join of every list row), index-only.
CREATE INDEX unit_status_unit_day_idx ON unit_status (tenant_id, unit_id, starts_on DESC) INCLUDE (ends_on, status);
CREATE INDEX unit_program_unit_day_idx ON unit_program (tenant_id, unit_id, starts_on DESC) INCLUDE (ends_on, program, solution_type);
-- The units with a given status / program (the selective filters).
CREATE INDEX unit_status_status_idx ON unit_status (tenant_id, status, unit_id) INCLUDE (starts_on, ends_on);
CREATE INDEX unit_program_program_idx ON unit_program (tenant_id, program, unit_id) INCLUDE (starts_on, ends_on);

-- Neighbourhood filter: a stored lower-case key compared with plain equality.
ALTER TABLE building ADD COLUMN neighbourhood_key text GENERATED ALWAYS AS (lower(neighbourhood)) STORED;
CREATE INDEX building_neighbourhood_idx ON building (tenant_id, neighbourhood_key);

-- Accessibility filter: one boolean per feature (boolean equality is leakproof and has statistics).
ALTER TABLE unit
  ADD COLUMN acc_step_free_access boolean GENERATED ALWAYS AS ('step_free_access' = ANY (accessibility)) STORED,
  ADD COLUMN acc_lift boolean GENERATED ALWAYS AS ('lift' = ANY (accessibility)) STORED,
  ADD COLUMN acc_accessible_bathroom boolean GENERATED ALWAYS AS ('accessible_bathroom' = ANY (accessibility)) STORED,
  ADD COLUMN acc_wheelchair_turning_space boolean GENERATED ALWAYS AS ('wheelchair_turning_space' = ANY (accessibility)) STORED;

-- The list walks units in code order (keyset pagination by code, then id); the search matches a
-- code prefix on a stored lower-case key in byte order with range comparisons.
CREATE INDEX unit_code_idx ON unit (tenant_id, code, id);
ALTER TABLE unit ADD COLUMN code_key text COLLATE "C" GENERATED ALWAYS AS (lower(code)) STORED;
CREATE INDEX unit_code_key_idx ON unit (tenant_id, code_key);
