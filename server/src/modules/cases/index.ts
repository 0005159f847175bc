import type { AnyRoute } from '../../kernel/http/route.js';
import { caseRoutes } from './routes/cases.js';
import { housingFirstRoutes } from './routes/housing-first.js';
import { noteRoutes } from './routes/notes.js';
import { workRoutes } from './routes/work.js';

/** Every route of the cases module (accompaniment, Housing First visits, work paths). */
export const casesModuleRoutes: AnyRoute[] = [...caseRoutes, ...noteRoutes, ...housingFirstRoutes, ...workRoutes];
export { runMissedVisitCheck, startMissedVisitJob } from './missed-visits.js';
export { PATHS } from './rules/paths.js';
