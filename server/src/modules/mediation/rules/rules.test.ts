import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ageBucket, nextStatus } from './cases.js';
import { managingBodyOf, reportMayMove, routeReport } from './routing.js';
import { splitCents } from './split.js';

describe('splitCents', () => {
  it('splits 100 cents in three equal shares as 34 + 33 + 33', () => {
    expect(
      splitCents(100, [
        { key: 'a', weight: 1 },
        { key: 'b', weight: 1 },
        { key: 'c', weight: 1 },
      ]).map((s) => s.cents),
    ).toEqual([34, 33, 33]);
  });
  it('follows the weights', () => {
    expect(
      splitCents(1000, [
        { key: 'a', weight: 3 },
        { key: 'b', weight: 1 },
      ]).map((s) => s.cents),
    ).toEqual([750, 250]);
  });
  it('never loses or invents a cent, and no share is off by more than one cent from its exact value', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.array(fc.integer({ min: 1, max: 50 }), { minLength: 1, maxLength: 30 }), (amount, ws) => {
        const shares = splitCents(
          amount,
          ws.map((w, i) => ({ key: String(i), weight: w })),
        );
        const total = ws.reduce((a, b) => a + b, 0);
        expect(shares.reduce((a, s) => a + s.cents, 0)).toBe(amount);
        shares.forEach((s, i) => {
          expect(Math.abs(s.cents - (amount * (ws[i] as number)) / total)).toBeLessThan(1);
        });
      }),
    );
  });
  it('refuses negative or fractional amounts and empty splits', () => {
    expect(() => splitCents(-1, [{ key: 'a', weight: 1 }])).toThrow();
    expect(() => splitCents(1.5, [{ key: 'a', weight: 1 }])).toThrow();
    expect(() => splitCents(1, [])).toThrow();
  });
});

describe('report routing', () => {
  it('goes to the body managing most units of the building', () => {
    expect(managingBodyOf(['b', 'a', 'b', null])).toBe('b');
    expect(managingBodyOf([null, null])).toBeNull();
    expect(routeReport('maintenance', 'La luce delle scale è rotta', ['erp', 'erp'])).toEqual({ routedTo: 'erp', urgent: false, status: 'routed' });
  });
  it('waits at the desk when no managing body is known, and flags danger as urgent', () => {
    expect(routeReport('cleanliness', 'Odore di gas in cantina', [])).toEqual({ routedTo: null, urgent: true, status: 'received' });
    expect(routeReport('safety', 'Ringhiera instabile', []).urgent).toBe(true);
  });
  it('moves reports only forward, except reopening', () => {
    expect(reportMayMove('routed', 'resolved')).toBe(true);
    expect(reportMayMove('resolved', 'in_progress')).toBe(true);
    expect(reportMayMove('resolved', 'routed')).toBe(false);
  });
});

describe('case life', () => {
  it('moves through mediation to closure', () => {
    expect(nextStatus('open', 'session')).toBe('in_mediation');
    expect(nextStatus('in_mediation', 'agreement')).toBe('agreement');
    expect(nextStatus('agreement', 'follow_up')).toBe('follow_up');
    expect(nextStatus('open', 'follow_up')).toBeNull();
    expect(nextStatus('escalated', 'escalate')).toBeNull();
    expect(nextStatus('closed', 'session')).toBeNull();
  });
  it('buckets ages', () => {
    expect(ageBucket('2026-01-01', '2026-01-31')).toBe('0-30');
    expect(ageBucket('2026-01-01', '2026-03-01')).toBe('31-90');
    expect(ageBucket('2025-01-01', '2026-01-01')).toBe('>180');
  });
});
