// Who the person is: the one module that knows how a citizen token is obtained and kept. The settings say how:
// 'openid-connect', the deployment's identity provider (openid-connect.js), or 'development', the local stack's
// POST /dev/sign-in, which no deployment has.
import { decodeSegment } from './code.js';
import { finishSignIn, SignInRefused, startSignIn } from './openid-connect.js';
import { settings } from './settings.js';

const KEY = 'checkin.citizen-token';
/** When the provider said the token ends (expires_in), if that is before the token's own exp. */
const EXPIRES_KEY = 'checkin.citizen-token.expires-at';
/** A token this close to its expiry is not used: the scan would be refused on the way. */
const MARGIN_SECONDS = 30;

/** The stored citizen token while it is valid; an expired one is forgotten. */
export function currentToken() {
  const token = localStorage.getItem(KEY);
  if (!token) {
    return null;
  }
  const claims = decodeSegment(token.split('.')[1] || '');
  const expiresAt = Math.min(claims && typeof claims.exp === 'number' ? claims.exp : 0,
    Number(localStorage.getItem(EXPIRES_KEY) || Infinity));
  if (expiresAt - MARGIN_SECONDS <= Date.now() / 1000) {
    forget();
    return null;
  }
  return token;
}

/** How the person signs in here: 'openid-connect' (a button to the provider) or 'development' (their name). */
export async function signInKind() {
  return (await settings()).signIn.kind;
}

/**
 * Signs the person in. With the identity provider, sends them there and does not resolve: the page is left, and
 * returningFromSignIn completes it when they come back. In development, under the name they gave: resolves to the
 * token, or rejects with the answer's status.
 */
export async function signIn(name) {
  const current = (await settings()).signIn;
  if (current.kind === 'openid-connect') {
    await startSignIn(current);
    return new Promise(() => {});
  }
  const response = await fetch('/dev/sign-in', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  if (!response.ok) {
    throw new Error('sign-in ' + response.status);
  }
  const body = await response.json();
  keep(body.token);
  return body.token;
}

/**
 * When this page is the provider's answer (the settings' redirectPath): keeps the token and puts the code the person
 * came from back in the address, without the answer's parameters, so the page goes on with that code. Rejects with
 * SignInRefused (reason 'denied' or 'failed') when no token came; the code's address is put back all the same.
 */
export async function returningFromSignIn() {
  if (location.pathname.startsWith('/c/')) {
    return; // a code's own address: the common case waits for nothing
  }
  const current = (await settings()).signIn;
  if (current.kind !== 'openid-connect' || location.pathname !== current.redirectPath) {
    return;
  }
  try {
    const signedIn = await finishSignIn(current, new URL(location.href));
    keep(signedIn.token, signedIn.expiresIn);
    history.replaceState(null, '', signedIn.returnTo || current.redirectPath);
  } catch (e) {
    const refused = e instanceof SignInRefused ? e : new SignInRefused('failed', null, e);
    history.replaceState(null, '', refused.returnTo || current.redirectPath);
    throw refused;
  }
}

/** Forgets the token, e.g. when a function refused it. */
export function forget() {
  localStorage.removeItem(KEY);
  localStorage.removeItem(EXPIRES_KEY);
}

function keep(token, expiresInSeconds) {
  forget();
  localStorage.setItem(KEY, token);
  if (typeof expiresInSeconds === 'number') {
    localStorage.setItem(EXPIRES_KEY, String(Math.floor(Date.now() / 1000) + expiresInSeconds));
  }
}
