// Sign-in at the deployment's identity provider: OpenID Connect, authorization code with PKCE (S256), through panva's
// oauth4webapi, served with the page (vendor/): no request at run time goes anywhere but the page's own origin, the
// provider and the functions. What must survive the trip to the provider and back (state, the PKCE verifier, the
// code's address) is kept in sessionStorage: this tab only, and gone with it.
import * as oauth from './vendor/oauth4webapi-3.8.8/index.js';

const FLOW = 'checkin.sign-in-flow';
/** Plain http is accepted for a provider on this machine only (a test's); oauth4webapi refuses it anywhere else. */
const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);
/** Only a venue code's address or the visits page is returned to: what sessionStorage says is never an open redirect. */
const CODE_PATH = /^(\/c\/[A-Za-z0-9_.-]+|\/visits)$/;

/** A sign-in that ended without a token: reason 'denied' (the person or the provider said no) or 'failed'. */
export class SignInRefused extends Error {
  constructor(reason, returnTo, cause) {
    super('sign-in ' + reason, { cause });
    this.reason = reason;
    this.returnTo = returnTo;
  }
}

async function provider(signIn) {
  const issuer = new URL(signIn.issuer);
  const options = { [oauth.allowInsecureRequests]: issuer.protocol === 'http:' && LOOPBACK.has(issuer.hostname) };
  const server = await oauth.processDiscoveryResponse(issuer, await oauth.discoveryRequest(issuer, options));
  return { server, client: { client_id: signIn.clientId }, options, redirectUri: location.origin + signIn.redirectPath };
}

/** Sends the person to the provider's sign-in; they come back to signIn.redirectPath (finishSignIn). */
export async function startSignIn(signIn) {
  const { server, redirectUri } = await provider(signIn);
  const verifier = oauth.generateRandomCodeVerifier();
  const state = oauth.generateRandomState();
  const url = new URL(server.authorization_endpoint);
  url.search = new URLSearchParams({
    client_id: signIn.clientId,
    redirect_uri: redirectUri,
    response_type: 'code',
    scope: signIn.scope,
    state,
    code_challenge: await oauth.calculatePKCECodeChallenge(verifier),
    code_challenge_method: 'S256',
  }).toString();
  sessionStorage.setItem(FLOW, JSON.stringify({ state, verifier, returnTo: location.pathname }));
  location.assign(url.href);
}

/**
 * The provider's answer at this address, exchanged for tokens: resolves to {token, expiresIn, returnTo} (the access
 * token, what the functions take; not the ID token, which is for the page); rejects with SignInRefused. The kept
 * flow is used once: a reload of the answer, or an answer this tab did not ask for, fails.
 */
export async function finishSignIn(signIn, address) {
  let flow = null;
  try {
    flow = JSON.parse(sessionStorage.getItem(FLOW));
  } catch (e) {
    flow = null;
  }
  sessionStorage.removeItem(FLOW);
  const returnTo = flow && CODE_PATH.test(flow.returnTo) ? flow.returnTo : null;
  try {
    if (!flow || typeof flow.state !== 'string' || typeof flow.verifier !== 'string') {
      throw new Error('no sign-in was started in this tab');
    }
    const { server, client, options, redirectUri } = await provider(signIn);
    const answer = oauth.validateAuthResponse(server, client, address, flow.state);
    const response = await oauth.authorizationCodeGrantRequest(server, client, oauth.None(), answer, redirectUri,
      flow.verifier, options);
    const tokens = await oauth.processAuthorizationCodeResponse(server, client, response);
    return { token: tokens.access_token, expiresIn: tokens.expires_in, returnTo };
  } catch (e) {
    const denied = e instanceof oauth.AuthorizationResponseError && e.error === 'access_denied';
    throw new SignInRefused(denied ? 'denied' : 'failed', returnTo, e);
  }
}
