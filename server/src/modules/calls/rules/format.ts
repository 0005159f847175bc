// The declarative rules of a call: documents, eligibility requirements, scoring criteria in
// groups with caps, mutually exclusive criteria and the tie-break order. Data, not code:
// validated here with zod, stored as JSON with the call, frozen when the call is published.
import { z } from 'zod';
import { factDef } from './facts.js';

export const RULES_FORMAT = 1;

const Label = z.object({ it: z.string().trim().min(1).max(300), en: z.string().trim().min(1).max(300) });
const Code = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,39}$/, 'calls.rules.code')
  .describe('Lower-case code: letters, digits, _');
const Scalar = z.union([z.number(), z.boolean(), z.string().max(100)]);

export type Condition =
  | { fact: string; op: 'eq' | 'ne' | 'lt' | 'lte' | 'gt' | 'gte'; value: number | boolean | string }
  | { fact: string; op: 'between'; min: number; max: number }
  | { fact: string; op: 'in'; values: (number | string)[] }
  | { all: Condition[] }
  | { any: Condition[] }
  | { not: Condition };

export const Condition: z.ZodType<Condition> = z.lazy(() =>
  z.union([
    z.object({ fact: z.string(), op: z.enum(['eq', 'ne', 'lt', 'lte', 'gt', 'gte']), value: Scalar }).strict(),
    z.object({ fact: z.string(), op: z.literal('between'), min: z.number(), max: z.number() }).strict(),
    z
      .object({
        fact: z.string(),
        op: z.literal('in'),
        values: z.array(z.union([z.number(), z.string()])).min(1),
      })
      .strict(),
    z.object({ all: z.array(Condition).min(1) }).strict(),
    z.object({ any: z.array(Condition).min(1) }).strict(),
    z.object({ not: Condition }).strict(),
  ]),
);

export const DocumentDef = z.object({ code: Code, label: Label, required: z.boolean().default(false) });

export const Requirement = z.object({
  code: Code,
  label: Label,
  when: Condition.describe('The condition an eligible application meets'),
  document: Code.optional().describe('Code of the document that proves it'),
  unverified: z.boolean().optional().describe('The value is a configurable default not confirmed in the law text'),
});

const Band = z.object({ gte: z.number(), points: z.number().min(0).max(1000) });

export const Criterion = z
  .object({
    code: Code,
    label: Label,
    group: Code,
    /** Fixed points when `when` holds. */
    points: z.number().min(0).max(1000).optional(),
    when: Condition.optional(),
    /** Points by the highest band whose `gte` the fact reaches (e.g. years of residence). */
    bands: z.object({ fact: z.string(), steps: z.array(Band).min(1).max(20) }).optional(),
    /** Points for each unit of a fact (e.g. per dependent child), up to `max` points. */
    perUnit: z.object({ fact: z.string(), points: z.number().min(0).max(1000), max: z.number().min(0).max(1000) }).optional(),
    /** Criteria sharing this key are mutually exclusive: only the one worth most counts. */
    exclusive: Code.optional(),
    document: Code.optional(),
    enabled: z.boolean().default(true),
    unverified: z.boolean().optional(),
    note: z.string().max(500).optional(),
  })
  .refine((c) => [c.points !== undefined, c.bands !== undefined, c.perUnit !== undefined].filter(Boolean).length === 1, {
    message: 'calls.rules.points_kind',
    path: ['points'],
  });

export const Group = z.object({ code: Code, label: Label, cap: z.number().min(0).max(10_000).optional() });

export const TieBreak = z.union([z.object({ fact: z.string(), order: z.enum(['asc', 'desc']) }).strict(), z.object({ lot: z.literal(true) }).strict()]);

const RulesShape = z.object({
  format: z.literal(RULES_FORMAT).default(RULES_FORMAT),
  documents: z.array(DocumentDef).max(30).default([]),
  requirements: z.array(Requirement).max(50).default([]),
  groups: z.array(Group).min(1).max(10),
  criteria: z.array(Criterion).min(1).max(60),
  tieBreak: z
    .array(TieBreak)
    .max(5)
    .default([{ lot: true }]),
});

export type Rules = z.output<typeof RulesShape>;
export type RulesInput = z.input<typeof RulesShape>;
export type CriterionDef = Rules['criteria'][number];

function conditionFacts(c: Condition, path: (string | number)[], out: { fact: string; path: (string | number)[]; value?: unknown }[]) {
  if ('all' in c) {
    c.all.forEach((x, i) => {
      conditionFacts(x, [...path, 'all', i], out);
    });
  } else if ('any' in c) {
    c.any.forEach((x, i) => {
      conditionFacts(x, [...path, 'any', i], out);
    });
  } else if ('not' in c) {
    conditionFacts(c.not, [...path, 'not'], out);
  } else {
    out.push({ fact: c.fact, path, value: 'value' in c ? c.value : 'values' in c ? c.values[0] : c.min });
  }
}

function valueFits(fact: string, value: unknown): boolean {
  const def = factDef(fact);
  if (!def) {
    return false;
  }
  switch (def.kind) {
    case 'number':
      return typeof value === 'number';
    case 'boolean':
      return typeof value === 'boolean';
    case 'date':
      return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value);
    case 'enum':
      return typeof value === 'string' && (def.values ?? []).includes(value);
  }
}

/** The rules schema with its cross-checks: known facts of the right kind, known groups and documents, unique codes. */
export const RulesSchema = RulesShape.superRefine((r, ctx) => {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  const docs = new Set(r.documents.map((d) => d.code));
  const groups = new Set(r.groups.map((g) => g.code));
  // Codes are unique within their list (a document and a criterion may share one, e.g. eviction).
  const seen = new Set<string>();
  const unique = (code: string, path: (string | number)[]) => {
    const key = `${path[0]}:${code}`;
    if (seen.has(key)) {
      issue(path, 'calls.rules.duplicate_code');
    }
    seen.add(key);
  };
  const checkFacts = (c: Condition, path: (string | number)[]) => {
    const refs: { fact: string; path: (string | number)[]; value?: unknown }[] = [];
    conditionFacts(c, path, refs);
    for (const ref of refs) {
      if (!factDef(ref.fact)) {
        issue([...ref.path, 'fact'], 'calls.rules.unknown_fact');
      } else if (!valueFits(ref.fact, ref.value)) {
        issue(ref.path, 'calls.rules.value_kind');
      }
    }
  };
  const checkNumericFact = (fact: string, path: (string | number)[]) => {
    if (factDef(fact)?.kind !== 'number') {
      issue(path, 'calls.rules.numeric_fact');
    }
  };
  r.documents.forEach((d, i) => {
    unique(d.code, ['documents', i, 'code']);
  });
  r.requirements.forEach((q, i) => {
    unique(q.code, ['requirements', i, 'code']);
    checkFacts(q.when, ['requirements', i, 'when']);
    if (q.document && !docs.has(q.document)) {
      issue(['requirements', i, 'document'], 'calls.rules.unknown_document');
    }
  });
  r.groups.forEach((g, i) => {
    unique(g.code, ['groups', i, 'code']);
  });
  r.criteria.forEach((c, i) => {
    unique(c.code, ['criteria', i, 'code']);
    if (!groups.has(c.group)) {
      issue(['criteria', i, 'group'], 'calls.rules.unknown_group');
    }
    if (c.when) {
      checkFacts(c.when, ['criteria', i, 'when']);
    }
    if (c.points !== undefined && !c.when) {
      issue(['criteria', i, 'when'], 'calls.rules.when_required');
    }
    if (c.bands) {
      checkNumericFact(c.bands.fact, ['criteria', i, 'bands', 'fact']);
    }
    if (c.perUnit) {
      checkNumericFact(c.perUnit.fact, ['criteria', i, 'perUnit', 'fact']);
    }
    if (c.document && !docs.has(c.document)) {
      issue(['criteria', i, 'document'], 'calls.rules.unknown_document');
    }
  });
  r.tieBreak.forEach((tb, i) => {
    if ('fact' in tb && !factDef(tb.fact)) {
      issue(['tieBreak', i, 'fact'], 'calls.rules.unknown_fact');
    }
  });
});

/** The facts a set of rules reads (the application form asks for the declared ones). */
export function factsUsed(rules: Rules): string[] {
  const out: { fact: string; path: (string | number)[] }[] = [];
  for (const q of rules.requirements) {
    conditionFacts(q.when, [], out);
  }
  for (const c of rules.criteria) {
    if (c.enabled === false) {
      continue;
    }
    if (c.when) {
      conditionFacts(c.when, [], out);
    }
    if (c.bands) {
      out.push({ fact: c.bands.fact, path: [] });
    }
    if (c.perUnit) {
      out.push({ fact: c.perUnit.fact, path: [] });
    }
  }
  for (const tb of rules.tieBreak) {
    if ('fact' in tb) {
      out.push({ fact: tb.fact, path: [] });
    }
  }
  return [...new Set(out.map((o) => o.fact))];
}
