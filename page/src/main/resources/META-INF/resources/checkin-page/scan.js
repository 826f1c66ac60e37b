// One scan of a code and its sending. The scan id is made once per scan and kept in localStorage with the time of
// the scan, so a reload or a retry (after a dropped connection, a 503) sends the same scan: the function records it
// once and answers `duplicate` to the repeat, with the time of the first recording.

import { functionUrl, settings } from './settings.js';

const PREFIX = 'checkin.scan.';
/** The functions accept a clientAt up to 24 hours old; an older unsent scan is started again. */
const MAX_AGE_MS = 23 * 60 * 60 * 1000;

/**
 * The scan for this code: the kept one when the page is reloaded or the kept one was never answered, otherwise
 * (the code opened again from the camera) a new one.
 */
export function scanFor(code, reloaded) {
  const key = PREFIX + code.token;
  let kept = null;
  try {
    kept = JSON.parse(localStorage.getItem(key));
  } catch (e) {
    kept = null;
  }
  const fresh = kept && typeof kept.scanId === 'string' && Date.now() - Date.parse(kept.clientAt) < MAX_AGE_MS;
  if (fresh && (reloaded || !kept.answered)) {
    return kept;
  }
  const scan = { scanId: crypto.randomUUID(), clientAt: localIsoWithOffset(new Date()), answered: false };
  localStorage.setItem(key, JSON.stringify(scan));
  return scan;
}

/** Marks the scan as answered by the function (recorded, or refused for good), so the next visit is a new scan. */
export function markAnswered(code, scan) {
  localStorage.setItem(PREFIX + code.token, JSON.stringify({ ...scan, answered: true }));
}

/**
 * Sends the scan to scan-in or scan-out by the code's direction. Resolves to {status, body, retryAfter};
 * rejects only when no answer came (no connection).
 */
export async function send(code, scan, token) {
  const current = await settings();
  const url = code.direction === 'IN' ? functionUrl(current, 'scanIn', '/scan-in') : functionUrl(current, 'scanOut', '/scan-out');
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token },
    body: JSON.stringify({ code: code.token, scanId: scan.scanId, clientAt: scan.clientAt }),
  });
  let body = null;
  try {
    body = await response.json();
  } catch (e) {
    body = null;
  }
  const retryAfter = parseInt(response.headers.get('Retry-After') || '', 10);
  return { status: response.status, body, retryAfter: Number.isFinite(retryAfter) ? retryAfter : null };
}

/** The phone's local time with its offset, as the functions read clientAt: 2026-11-28T09:59:30+08:00. */
export function localIsoWithOffset(date) {
  const pad = (n) => String(Math.floor(Math.abs(n))).padStart(2, '0');
  const offset = -date.getTimezoneOffset();
  return date.getFullYear() + '-' + pad(date.getMonth() + 1) + '-' + pad(date.getDate())
    + 'T' + pad(date.getHours()) + ':' + pad(date.getMinutes()) + ':' + pad(date.getSeconds())
    + (offset >= 0 ? '+' : '-') + pad(offset / 60) + ':' + pad(offset % 60);
}
