import type { AnyRoute } from '../../kernel/http/route.js';
import { callRoutes } from './routes/calls.js';
import { meRoutes } from './routes/me.js';
import { publicRoutes } from './routes/public.js';
import { reviewRoutes } from './routes/review.js';

export const callsRoutes: AnyRoute[] = [...callRoutes, ...reviewRoutes, ...meRoutes, ...publicRoutes];
export { evaluate } from './rules/evaluate.js';
export { deriveFacts, FACTS } from './rules/facts.js';
export { RulesSchema } from './rules/format.js';
export { presetRules } from './rules/presets.js';
export { rank } from './rules/rank.js';
export { type RankedApplicant, rankedApplicants } from './service.js';
