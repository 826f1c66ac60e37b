// One scan of a code and its sending. The scan id is made once per scan and kept in the outbox (outbox.js) with the
// time of the scan before anything is sent, so a reload, a retry (after a dropped connection, a 503) or a later visit
// sends the same scan: the function records it once and answers `duplicate` to the repeat, with the time of the
// first recording.

import { call } from './call.js';
import { keep, latestFor } from './outbox.js';

/** The functions accept a clientAt up to 24 hours old (docs/api.md); a minute less leaves room for the trip. */
const MAX_AGE_MS = 24 * 60 * 60 * 1000 - 60 * 1000;

/** True when the functions would refuse the scan as too old: it can no longer be sent. */
export function tooOld(scan, now = Date.now()) {
  return now - scan.keptAt > MAX_AGE_MS;
}

/**
 * The scan for this code: the kept one while it is unanswered, or answered and the page reloaded; otherwise (the
 * code opened again from the camera) a new one, kept before it is sent. A kept one too old to send is marked so.
 */
export async function scanFor(code, reloaded) {
  const kept = await latestFor(code.token);
  if (kept && kept.state !== 'expired' && tooOld(kept)) {
    if (kept.state === 'pending') {
      await settle(kept, 'expired');
    }
  } else if (kept && (kept.state === 'pending' || (reloaded && kept.state !== 'expired'))) {
    return kept;
  }
  const now = new Date();
  const scan = {
    scanId: crypto.randomUUID(), clientAt: localIsoWithOffset(now), keptAt: now.getTime(), state: 'pending',
    token: code.token, venueId: code.venueId, venueName: code.venueName, direction: code.direction,
  };
  await keep(scan);
  return scan;
}

/** Records what became of a kept scan: sent, refused (with the problem code) or expired. */
export function settle(scan, state, problem) {
  return keep({ ...scan, state, problem: problem || null });
}

/**
 * What an answer means for the kept scan: `sent` (recorded or duplicate), `sign-in` (kept until the person signs
 * in again), `later` (kept and sent again: busy, unavailable, at the limit), `expired` or `refused` (for good).
 */
export function outcome(answer) {
  const code = answer.body && typeof answer.body.code === 'string' ? answer.body.code : null;
  if (answer.status === 200 && answer.body) {
    return 'sent';
  }
  if (answer.status === 401 || answer.status === 403) {
    return 'sign-in';
  }
  if (code === 'client-at-too-old') {
    return 'expired';
  }
  return answer.status >= 400 && answer.status < 500 && answer.status !== 429 ? 'refused' : 'later';
}

/**
 * Sends a kept scan to scan-in or scan-out by its code's direction. Resolves to {status, body, retryAfter};
 * rejects only when no answer came (no connection, or the function unreachable).
 */
export function send(scan, token) {
  const [name, path] = scan.direction === 'IN' ? ['scanIn', '/scan-in'] : ['scanOut', '/scan-out'];
  return call(name, path, token, { code: scan.token, scanId: scan.scanId, clientAt: scan.clientAt });
}

/** The phone's local time with its offset, as the functions read clientAt: 2026-11-28T09:59:30+08:00. */
export function localIsoWithOffset(date) {
  const pad = (n) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate())
    + 'T' + pad(date.getHours()) + ':' + pad(date.getMinutes()) + ':' + pad(date.getSeconds())
    + (offset >= 0 ? '+' : '-') + pad(offset / 60) + ':' + pad(offset % 60);
}
