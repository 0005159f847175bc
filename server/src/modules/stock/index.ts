import type { AnyRoute } from '../../kernel/http/route.js';
import { csvRoutes } from './csv-routes.js';
import { estateRoutes } from './routes.js';
import { unitRoutes } from './unit-routes.js';

export { registerCsvBody } from './csv-routes.js';
export { lockUnitForTenancy, occupyUnit, releaseUnit, type UnitFacts, unitFacts } from './occupancy.js';
export { romeDay } from './periods.js';

/** Every route of the stock module (the app also needs `registerCsvBody` for the import). */
export const stockRoutes: AnyRoute[] = [...estateRoutes, ...unitRoutes, ...csvRoutes];
