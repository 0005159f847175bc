-- Stock timelines at scale, continued from 0007. The probe "the status (program) of this unit in
-- force today" must use the btree indexes of 0007, which hold the status or program and the
-- dates (index-only). But the EXCLUDE constraints' GiST indexes also start with
-- (tenant_id, unit_id), and the planner preferred them: a heap fetch per probe, 3–15× slower at
-- 100,000 units. `unit_key` is the same value as `unit_id`, in a column only the btree indexes
-- hold, so the queries that correlate on it can only use those.
ALTER TABLE unit_status ADD COLUMN unit_key uuid GENERATED ALWAYS AS (unit_id) STORED;
ALTER TABLE unit_program ADD COLUMN unit_key uuid GENERATED ALWAYS AS (unit_id) STORED;

DROP INDEX unit_status_unit_day_idx;
DROP INDEX unit_status_status_idx;
DROP INDEX unit_program_unit_day_idx;
DROP INDEX unit_program_program_idx;

CREATE INDEX unit_status_key_day_idx ON unit_status (tenant_id, unit_key, starts_on DESC) INCLUDE (ends_on, status);
CREATE INDEX unit_status_key_status_idx ON unit_status (tenant_id, status, unit_key) INCLUDE (starts_on, ends_on);
CREATE INDEX unit_program_key_day_idx ON unit_program (tenant_id, unit_key, starts_on DESC) INCLUDE (ends_on, program, solution_type);
CREATE INDEX unit_program_key_program_idx ON unit_program (tenant_id, program, unit_key) INCLUDE (starts_on, ends_on);
