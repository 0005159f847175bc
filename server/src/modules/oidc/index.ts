export { oidcRoutes } from './routes.js';
export { passwordLoginForbidden } from './service.js';
