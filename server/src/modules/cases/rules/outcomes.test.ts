import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { grantDue, housingRetention, observationTrend, type Placement } from './outcomes.js';
import { moveToStage, PATHS } from './paths.js';

describe('housing retention at 6 and 12 months', () => {
  const people: Placement[] = [
    { housedOn: '2025-01-10', leftOn: null, exitKind: null }, // 12 m passed, housed
    { housedOn: '2025-03-01', leftOn: '2025-07-15', exitKind: 'drop_out' }, // left before 6 m
    { housedOn: '2025-03-01', leftOn: '2025-12-01', exitKind: 'eviction' }, // kept 6 m, not 12
    { housedOn: '2025-02-01', leftOn: '2025-05-01', exitKind: 'autonomy' }, // own home: positive
    { housedOn: '2025-10-01', leftOn: null, exitKind: null }, // 6 m not reached yet
  ];

  it('hand-computed on 1 April 2026', () => {
    expect(housingRetention(people, '2026-04-01', 6)).toEqual({ months: 6, eligible: 5, retained: 4, rateBp: 8000 });
    expect(housingRetention(people, '2026-04-01', 12)).toEqual({ months: 12, eligible: 4, retained: 2, rateBp: 5000 });
    // 2026-03-31: the 1 Oct 2025 participant reaches 6 months (1 Apr) only on the next day.
    expect(housingRetention(people, '2026-03-31', 6).eligible).toBe(4);
    expect(housingRetention([], '2026-04-01', 6).rateBp).toBeNull();
  });

  it('the mark itself counts: leaving on the 6-month day keeps the 6 months', () => {
    expect(housingRetention([{ housedOn: '2025-01-31', leftOn: '2025-07-31', exitKind: 'other' }], '2026-01-01', 6).retained).toBe(1);
    expect(housingRetention([{ housedOn: '2025-01-31', leftOn: '2025-07-30', exitKind: 'other' }], '2026-01-01', 6).retained).toBe(0);
  });

  it('retained ≤ eligible and 12-month eligibility ⊆ 6-month (property)', () => {
    const day = fc.integer({ min: 0, max: 900 }).map((d) => new Date(Date.UTC(2024, 0, 1 + d)).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.array(fc.tuple(day, fc.option(fc.integer({ min: 1, max: 500 })))), day, (rows, asOf) => {
        const ps: Placement[] = rows.map(([h, stay]) => ({
          housedOn: h,
          leftOn: stay === null ? null : new Date(Date.parse(h) + stay * 86_400_000).toISOString().slice(0, 10),
          exitKind: stay === null ? null : 'other',
        }));
        const r6 = housingRetention(ps, asOf, 6);
        const r12 = housingRetention(ps, asOf, 12);
        expect(r6.retained).toBeLessThanOrEqual(r6.eligible);
        expect(r12.eligible).toBeLessThanOrEqual(r6.eligible);
      }),
    );
  });
});

describe('observation trend', () => {
  const v = (s: number, home = s) => ({ home: { score: home }, psycho: { score: s }, physical: { score: s } });
  it('worsening, stable, improving, unknown', () => {
    expect(observationTrend([v(4), v(4), v(3), v(2)])).toMatchObject({ direction: 'worsening', slope: -0.7, visitsUsed: 4 });
    expect(observationTrend([v(3), v(3), v(3, 2), v(3, 2)]).direction).toBe('stable');
    expect(observationTrend([v(3), v(3), v(3, 2), v(3, 1)]).worseningAreas).toEqual(['home']);
    expect(observationTrend([v(1), v(2), v(3)]).direction).toBe('improving');
    expect(observationTrend([v(1), v(2)]).direction).toBe('unknown');
    // Only the last four visits count.
    expect(observationTrend([v(5), v(1), v(1), v(1), v(1)]).direction).toBe('stable');
  });
});

describe('borsa lavoro payment', () => {
  it('in proportion to the hours attended, capped, rounded down to the cent', () => {
    expect(grantDue(40_000, 80, 80)).toBe(40_000);
    expect(grantDue(40_000, 80, 100)).toBe(40_000);
    expect(grantDue(40_000, 80, 60)).toBe(30_000);
    expect(grantDue(50_000, 60, 7)).toBe(5833); // 5833.33… → 5833
    expect(grantDue(0, 60, 60)).toBe(0);
    expect(grantDue(40_000, 80, -1)).toBe(0);
  });
});

describe('accompaniment paths', () => {
  it('youth collaborative housing: selection → participatory path → move-in → living together → exit', () => {
    expect(PATHS.youth_collab.map((s) => s.key)).toEqual(['selection', 'participatory_path', 'move_in', 'living_together', 'exit']);
    expect(PATHS.youth_collab[2]?.checklist).toContain('cohabitation_agreement_signed');
  });

  it('moving to a stage: earlier done, that one active, later pending; unknown → null', () => {
    const stages = PATHS.youth_collab.map((s, i) => ({ key: s.key, position: i + 1, status: (i === 0 ? 'active' : 'pending') as 'active' | 'pending' }));
    const moved = moveToStage(stages, 'move_in');
    expect(moved?.stages.map((s) => s.status)).toEqual(['done', 'done', 'active', 'pending', 'pending']);
    expect(moved?.changed.map((s) => s.key)).toEqual(['selection', 'participatory_path', 'move_in']);
    expect(moveToStage(stages, 'nowhere')).toBeNull();
  });
});
