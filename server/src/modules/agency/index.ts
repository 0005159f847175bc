import type { AnyRoute } from '../../kernel/http/route.js';
import { appointmentRoutes } from './routes/appointments.js';
import { listingRoutes } from './routes/listings.js';
import { portalRoutes } from './routes/portal.js';
import { publicRoutes } from './routes/public.js';
import { seekerRoutes } from './routes/seekers.js';

/** Every route of the agency module. */
export const agencyRoutes: AnyRoute[] = [...listingRoutes, ...seekerRoutes, ...appointmentRoutes, ...portalRoutes, ...publicRoutes];
export { agreedRentRange, LUCCA_AGREEMENT, zoneOfNeighbourhood } from './rules/canone-concordato.js';
export { compatibility, maxAffordableRent } from './rules/compatibility.js';
export { validatePartitaIva } from './rules/fiscal-id.js';
export { addDays, generateSlots, LUCCA_EXTRA_HOLIDAYS, LUCCA_PLACES, romeInstant } from './rules/slots.js';
