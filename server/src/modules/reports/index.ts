import type { AnyRoute } from '../../kernel/http/route.js';
import { reportRoutes } from './routes.js';

/** Every route of the reports module (indicators, exports, funder report, open data). */
export const reportsRoutes: AnyRoute[] = [...reportRoutes];
