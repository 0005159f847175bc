import type { AnyRoute } from '../../kernel/http/route.js';
import { caseRoutes } from './routes/cases.js';
import { cohousingRoutes } from './routes/cohousing.js';
import { communityRoutes } from './routes/community.js';
import { reportRoutes } from './routes/reports.js';

/** Every route of the mediation module (cases, reports, activities, committees, arrears alerts, co-housing). */
export const mediationRoutes: AnyRoute[] = [...caseRoutes, ...reportRoutes, ...communityRoutes, ...cohousingRoutes];
export { splitCents } from './rules/split.js';
