// A real OpenID provider for the tests: oidc-provider (a certified implementation) on
// loopback, with one client for the app and demo persons as accounts. Its development
// login form accepts any password; the account id is the demo person's id, and the ID
// token carries their test identity code as the `hetu` claim. With `app`, a second
// client stands for an app of the person's: it gets JWT access tokens (RFC 9068) for
// the FHIR interface (its resource indicator), with SMART scopes and the `hetu` claim.
import { execFileSync } from 'node:child_process';
import Provider, { errors } from 'oidc-provider';

/** The SMART scopes of the FHIR interface, both forms. */
export const FHIR_SCOPES = [
  'patient/Observation.rs', 'patient/Observation.cud', 'patient/Observation.read', 'patient/Observation.write',
  'patient/Patient.rs', 'patient/Patient.cu', 'patient/Patient.read', 'patient/Patient.write',
];

/** The demo persons' test identity codes, as the app's own tool prints them. */
function demoIdentities(databaseUrl) {
  const out = execFileSync(process.env.OMAKANTA_BIN, ['demo-identities'], {
    env: { ...process.env, OMAKANTA_ENV: 'development', OMAKANTA_DATABASE_URL: databaseUrl, RUST_LOG: 'error' },
  }).toString();
  return new Map(out.trim().split('\n').map((line) => line.split('\t')));
}

export async function startProvider({ port, redirectUri, postLogoutRedirectUri, databaseUrl, clientId = 'omakanta', clientSecret = 'e2e-client-secret', app }) {
  const issuer = `http://127.0.0.1:${port}`;
  const clients = [
    {
      client_id: clientId,
      client_secret: clientSecret,
      redirect_uris: [redirectUri],
      post_logout_redirect_uris: [postLogoutRedirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
      id_token_signed_response_alg: 'RS256',
    },
  ];
  if (app) {
    clients.push({
      client_id: app.clientId,
      client_secret: app.clientSecret,
      redirect_uris: [app.redirectUri],
      grant_types: ['authorization_code'],
      response_types: ['code'],
      token_endpoint_auth_method: 'client_secret_basic',
    });
  }
  const provider = new Provider(issuer, {
    clients,
    pkce: { required: () => true },
    claims: { openid: ['sub', 'hetu'] },
    conformIdTokenClaims: false,
    cookies: { keys: ['omakanta-e2e-cookie-key'] },
    features: {
      devInteractions: { enabled: true },
      resourceIndicators: {
        enabled: Boolean(app),
        defaultResource: (ctx, client) => (app && client.clientId === app.clientId ? app.resource : undefined),
        useGrantedResource: () => true,
        getResourceServerInfo(ctx, resourceIndicator) {
          if (!app || resourceIndicator !== app.resource) throw new errors.InvalidTarget();
          return {
            scope: FHIR_SCOPES.join(' '),
            audience: app.resource,
            accessTokenTTL: 600,
            accessTokenFormat: 'jwt',
            jwt: { sign: { alg: 'RS256' } },
          };
        },
      },
    },
    // The person an access token is for, as the FHIR interface reads them.
    async extraTokenClaims(ctx, token) {
      if (token.kind !== 'AccessToken' || !token.accountId) return undefined;
      return { hetu: demoIdentities(databaseUrl()).get(token.accountId) };
    },
    async findAccount(ctx, sub) {
      const hetu = demoIdentities(databaseUrl()).get(sub);
      if (!hetu) return undefined;
      return { accountId: sub, async claims() { return { sub, hetu }; } };
    },
  });
  provider.proxy = false;
  const server = provider.listen(port, '127.0.0.1');
  await new Promise((ok) => server.once('listening', ok));
  return {
    issuer,
    clientId,
    clientSecret,
    async stop() {
      await new Promise((ok) => server.close(ok));
    },
  };
}
