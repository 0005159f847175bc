import type { AnyRoute } from '../../kernel/http/route.js';
import { agedRoutes } from './aged-routes.js';
import { importRoutes } from './import-routes.js';
import { ledgerRoutes } from './ledger-routes.js';
import { paymentRoutes } from './payment-routes.js';
import { planRoutes } from './plan-routes.js';
import { tenancyRoutes } from './routes.js';
import { selfRoutes } from './self-routes.js';

/** Every route of the tenancies module. */
export const tenancyModuleRoutes: AnyRoute[] = [
  ...tenancyRoutes,
  ...ledgerRoutes,
  ...paymentRoutes,
  ...importRoutes,
  ...agedRoutes,
  ...planRoutes,
  ...selfRoutes,
];
export { SIGNATURE_HEADER, signReceipt } from './pagopa/receipt.js';
export { startStandInGateway } from './pagopa/standin.js';
export { buildNoticeNumber, isValidNoticeNumber } from './rules/iuv.js';
export { runMonthlyCharges } from './service.js';
