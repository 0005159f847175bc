import type { AnyRoute } from '../../kernel/http/route.js';
import { householdRoutes } from './routes/households.js';
import { personRoutes } from './routes/persons.js';
import { recordRoutes } from './routes/records.js';
import { selfRoutes } from './routes/self.js';

export const registryRoutes: AnyRoute[] = [...personRoutes, ...householdRoutes, ...recordRoutes, ...selfRoutes];
export { linkPersonToAccount } from './account-link.js';
export { activePrograms, visibleInScope } from './policy.js';
export { generateCodiceFiscale, validateCodiceFiscale } from './rules/codice-fiscale.js';
