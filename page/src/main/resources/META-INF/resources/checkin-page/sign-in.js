// Who the person is: the one module that knows how a citizen token is obtained and kept. On the local stack it
// asks the development sign-in (POST /dev/sign-in, which no deployment has); real sign-in (OpenID Connect) replaces
// this module and keeps its three exports.
import { decodeSegment } from './code.js';

const KEY = 'checkin.citizen-token';
/** A token this close to its expiry is not used: the scan would be refused on the way. */
const MARGIN_SECONDS = 30;

/** The stored citizen token while it is valid; an expired one is forgotten. */
export function currentToken() {
  const token = localStorage.getItem(KEY);
  if (!token) {
    return null;
  }
  const claims = decodeSegment(token.split('.')[1] || '');
  if (!claims || typeof claims.exp !== 'number' || claims.exp - MARGIN_SECONDS <= Date.now() / 1000) {
    forget();
    return null;
  }
  return token;
}

/** Signs the person in under the name they gave; resolves to the token, or rejects with the answer's status. */
export async function signIn(name) {
  const response = await fetch('/dev/sign-in', {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ name }),
  });
  if (!response.ok) {
    throw new Error('sign-in ' + response.status);
  }
  const body = await response.json();
  localStorage.setItem(KEY, body.token);
  return body.token;
}

/** Forgets the token, e.g. when a function refused it. */
export function forget() {
  localStorage.removeItem(KEY);
}
