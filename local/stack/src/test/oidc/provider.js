// A real OpenID Connect provider (panva's oidc-provider, certified) standing in for a deployment's identity provider
// in CheckInSignInIT: the check-in page signs a person in here with the authorization code flow and PKCE, as it would
// at any provider, and the functions accept the access token it issues.
//
// It is set up as docs/operations.md asks of a deployment's provider: the page is a public client (no secret) with
// one redirect URI; its access tokens are JWTs (RS256) for the audience `checkin`, the person's name as the subject
// and the role in `groups`. They are signed with the local stack's development key, which the stack already trusts.
// Its own development screens sign anyone in: any login and password, the login as the subject; "[ Cancel ]" on
// the consent screen answers access_denied.
//
// Environment: OIDC_PORT, OIDC_SIGNING_KEY (an RSA private key, PEM), OIDC_CLIENT_ID, OIDC_REDIRECT_URI,
// OIDC_ACCESS_TOKEN_SECONDS (default 600). Prints "READY <issuer>" once it listens.
import { readFileSync } from 'node:fs';
import { createPrivateKey } from 'node:crypto';
import Provider from 'oidc-provider';

const required = (name) => {
  const value = process.env[name];
  if (!value) {
    console.error(`${name} is required`);
    process.exit(2);
  }
  return value;
};

const port = Number(required('OIDC_PORT'));
const issuer = `http://localhost:${port}`;
const signingKey = createPrivateKey(readFileSync(required('OIDC_SIGNING_KEY'))).export({ format: 'jwk' });
/** The functions' resource: what the access token is for, and its audience. */
const RESOURCE = 'urn:checkin:functions';
const AUDIENCE = 'checkin';
const ROLE = 'citizen';

const provider = new Provider(issuer, {
  clients: [{
    client_id: required('OIDC_CLIENT_ID'),
    token_endpoint_auth_method: 'none',
    redirect_uris: [required('OIDC_REDIRECT_URI')],
    grant_types: ['authorization_code'],
    response_types: ['code'],
  }],
  jwks: { keys: [{ ...signingKey, kid: 'checkin-development', alg: 'RS256', use: 'sig' }] },
  pkce: { required: () => true },
  findAccount: (ctx, sub) => ({ accountId: sub, claims: () => ({ sub }) }),
  features: {
    devInteractions: { enabled: true },
    resourceIndicators: {
      enabled: true,
      // the page asks for no resource: every token it gets is for the functions
      defaultResource: () => RESOURCE,
      useGrantedResource: () => true,
      getResourceServerInfo: (ctx, resource) => {
        if (resource !== RESOURCE) {
          throw new Provider.errors.InvalidTarget();
        }
        return {
          scope: 'openid',
          audience: AUDIENCE,
          accessTokenFormat: 'jwt',
          accessTokenTTL: Number(process.env.OIDC_ACCESS_TOKEN_SECONDS || 600),
          jwt: { sign: { alg: 'RS256' } },
        };
      },
    },
  },
  extraTokenClaims: (ctx, token) => (token.kind === 'AccessToken' ? { groups: [ROLE] } : undefined),
});

provider.listen(port, 'localhost', () => {
  console.log(`READY ${issuer}`);
});
