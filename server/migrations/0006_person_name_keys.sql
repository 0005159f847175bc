-- Name search under row-level security. lower() and LIKE are not leakproof, so PostgreSQL may
-- apply them only after the tenant policy: a surname-prefix search scanned the whole ente in name
-- order (seconds at 1M people). Stored lower-cased keys in byte order ("C") let the search use
-- plain range comparisons (leakproof), which the index answers directly.
ALTER TABLE person
  ADD COLUMN family_key text COLLATE "C" GENERATED ALWAYS AS (lower(family_name)) STORED,
  ADD COLUMN given_key text COLLATE "C" GENERATED ALWAYS AS (lower(given_name)) STORED;

CREATE INDEX person_key_idx ON person (tenant_id, family_key, given_key, id);
DROP INDEX person_name_idx;
