export { DEMO_PASSWORD } from './demo.js';
export { identityRoutes } from './routes.js';
