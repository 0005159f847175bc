import { describe, expect, it } from 'vitest';
import { parseEuro } from './format.js';

describe('parseEuro', () => {
  it('reads amounts as people type them, in Italian or English style', () => {
    expect(parseEuro('9.360,50')).toBe(936050);
    expect(parseEuro('9360,5')).toBe(936050);
    expect(parseEuro('9360.50')).toBe(936050);
    expect(parseEuro('12.345')).toBe(1234500);
    expect(parseEuro('€ 100')).toBe(10000);
    expect(parseEuro('0,07')).toBe(7);
  });
  it('refuses what is not an amount', () => {
    for (const bad of ['', 'abc', '-5', '1,2,3', '12.34.5,6', '1e5']) {
      expect(parseEuro(bad)).toBeNull();
    }
  });
});
