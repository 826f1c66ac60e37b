// A call to one of the functions, as every function takes it (docs/api.md): POST, a JSON body, the citizen token.
import { functionUrl, settings } from './settings.js';

/**
 * Calls the function at path on the address the settings give under name. Resolves to {status, body, retryAfter}
 * (body null when the answer is not JSON); rejects only when no answer came (no connection, or unreachable).
 */
export async function call(name, path, token, body) {
  if (navigator.onLine === false) {
    // the phone knows it has no connection: nothing is tried (a request would only wait for its timeout, and one a
    // service worker passes on might still leave); the scan stays kept and goes on the 'online' event
    throw new TypeError('offline');
  }
  const response = await fetch(functionUrl(await settings(), name, path), {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token },
    body: JSON.stringify(body),
  });
  let answer = null;
  try {
    answer = await response.json();
  } catch (e) {
    answer = null;
  }
  const retryAfter = parseInt(response.headers.get('Retry-After') || '', 10);
  return { status: response.status, body: answer, retryAfter: Number.isFinite(retryAfter) ? retryAfter : null };
}
