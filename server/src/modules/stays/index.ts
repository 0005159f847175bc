import type { AnyRoute } from '../../kernel/http/route.js';
import { bookingRoutes } from './routes/bookings.js';
import { familyRoutes } from './routes/family.js';
import { projectRoutes } from './routes/projects.js';
import { solutionRoutes } from './routes/solutions.js';

/** Every route of the stays module (Durante e Dopo di Noi). */
export const staysRoutes: AnyRoute[] = [...solutionRoutes, ...bookingRoutes, ...projectRoutes, ...familyRoutes];
export { priorityOf, rankWaitingList } from './rules/priority.js';
