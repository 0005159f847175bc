// `npm run dev:idp`: a local SPID-like OpenID provider for the demo (oidc-provider on 127.0.0.1).
// Start it, then start Abitare with the three variables it prints: the login page shows
// "Entra con SPID", and the provider's page takes any codice fiscale as the user name.
import { startSpidIdp } from '../../test/stand-ins/spid-idp.js';

const port = Number(process.env.IDP_PORT ?? 9090);
const appPort = Number(process.env.PORT ?? 3000);
const clientId = 'abitare-demo';
const clientSecret = 'abitare-demo-secret';
const idp = await startSpidIdp({
  port,
  clientId,
  clientSecret,
  redirectUris: [`http://localhost:${appPort}/login/oidc`, `http://127.0.0.1:${appPort}/login/oidc`, 'http://localhost:5173/login/oidc'],
});
console.log(`[dev-idp] SPID-like test provider on ${idp.issuer} (never use it in production)`);
console.log('[dev-idp] start Abitare in another terminal with:');
console.log(`  OIDC_SPID_ISSUER=${idp.issuer} OIDC_SPID_CLIENT_ID=${clientId} OIDC_SPID_CLIENT_SECRET=${clientSecret} npm start`);
console.log('[dev-idp] on its login page type a codice fiscale (any password): a person of the registry gets linked to a new citizen account.');
const stop = async () => {
  await idp.close();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
