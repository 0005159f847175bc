-- Units of a set of buildings in code order (neighbourhood and estate filters, and the search by
-- address or estate name, which lists the matching buildings first): with the code and id in the
-- index the page is chosen without reading the units themselves (index-only).
CREATE INDEX unit_building_code_idx ON unit (tenant_id, building_id) INCLUDE (code, id);
DROP INDEX unit_building_idx;
