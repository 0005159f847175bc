import { describe, expect, it } from 'vitest';
import { formatDay } from './format.js';

describe('formatDay', () => {
  it('shows a day as dd/mm/yyyy without shifting it across zones', () => {
    expect(formatDay('2026-03-29', 'it')).toBe('29/03/2026');
    expect(formatDay('2026-12-31', 'en')).toBe('31/12/2026');
    expect(formatDay(null, 'it')).toBe('—');
  });
});
