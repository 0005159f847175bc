import { describe, expect, it } from 'vitest';
import { filterParams, hasFilters, parseFilters, toSearch } from './filters.js';

describe('unit list filters in the query string', () => {
  it('round-trips every filter', () => {
    const f = {
      q: 'pisana',
      neighbourhood: "Sant'Anna",
      estateId: '0b6f7c1e-3a5d-4f1e-9c2b-7d8e9f0a1b2c',
      program: 'erp',
      status: 'available',
      minBedrooms: 2,
      minBeds: 3,
      minSurface: 45.5,
      maxSurface: 90,
      accessibility: ['step_free_access', 'lift'],
    };
    expect(parseFilters(toSearch(f))).toEqual(f);
    expect(toSearch(f).get('accessibility')).toBe('step_free_access,lift');
  });

  it('drops unknown or malformed values and orders the features', () => {
    const f = parseFilters(
      new URLSearchParams('status=sold&program=villa&minBedrooms=1.5&minBeds=-1&minSurface=abc&estateId=42&accessibility=lift,jacuzzi,step_free_access,lift'),
    );
    expect(f).toEqual({ accessibility: ['step_free_access', 'lift'] });
    expect(parseFilters(new URLSearchParams('q=%20%20&minBeds='))).toEqual({});
  });

  it('leaves empty filters out of the API parameters', () => {
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ accessibility: [] })).toBe(false);
    expect(filterParams({ status: 'reserved' })).toMatchObject({ status: 'reserved', accessibility: undefined });
  });
});
