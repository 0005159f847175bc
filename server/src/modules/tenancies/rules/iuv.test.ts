import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildNoticeNumber, isValidNoticeNumber, noticeCheckDigits } from './iuv.js';

describe('pagoPA notice numbers (aux digit 3)', () => {
  it('check digits by hand: 3 01 0000000000001 → 3010000000000001 mod 93 = 44', () => {
    // 93 × 32,365,591,397,849 = 3,009,999,999,999,957; 3,010,000,000,000,001 − that = 44.
    expect(noticeCheckDigits('3', '01', '0000000000001')).toBe('44');
    expect(buildNoticeNumber(1, 1)).toEqual({ iuv: '01000000000000144', noticeNumber: '301000000000000144' });
  });

  it('pads check digits to two digits', () => {
    // 3 00 0000000000000 = 3,000,000,000,000,000 = 93 × 32,258,064,516,129 + 3 → "03".
    expect(noticeCheckDigits('3', '00', '0000000000000')).toBe('03');
  });

  it('every built number is 18 digits, valid, and any single changed digit is caught', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 49 }),
        fc.integer({ min: 1, max: 9_999_999_999_999 }),
        fc.integer({ min: 1, max: 17 }),
        fc.integer({ min: 1, max: 9 }),
        (seg, seq, pos, delta) => {
          const { noticeNumber, iuv } = buildNoticeNumber(seg, seq);
          expect(noticeNumber).toMatch(/^3\d{17}$/);
          expect(noticeNumber.slice(1)).toBe(iuv);
          expect(isValidNoticeNumber(noticeNumber)).toBe(true);
          const digits = noticeNumber.split('');
          digits[pos] = String((Number(digits[pos]) + delta) % 10);
          const changed = digits.join('');
          // A changed segregation digit may leave the 00–49 range or hit another valid number only
          // if the mod-93 remainder happens to agree; for the IUV base and check digits it never does.
          if (pos >= 3) {
            expect(isValidNoticeNumber(changed)).toBe(false);
          }
        },
      ),
    );
  });

  it('refuses out-of-range inputs', () => {
    expect(() => buildNoticeNumber(50, 1)).toThrow();
    expect(() => buildNoticeNumber(1, 0)).toThrow();
    expect(isValidNoticeNumber('123')).toBe(false);
  });
});
