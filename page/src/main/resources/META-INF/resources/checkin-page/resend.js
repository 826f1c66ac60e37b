// Sends the scans the outbox still holds: on every visit of the page and when the phone is back online. Each goes
// with its own scan id, so a scan the function already stored is answered `duplicate` and counted as sent; the
// order is the order they were made, and the first that cannot go now (no connection, busy, signed out) stops the
// round: the rest would meet the same.

import { all, prune } from './outbox.js';
import { outcome, send, settle, tooOld } from './scan.js';

/**
 * Sends every pending scan but the one this page is sending itself, one tab at a time (Web Locks where the browser
 * has them; without, two tabs sending the same scan only get `duplicate`). Resolves to the scans that ended
 * unsent in this round (refused or expired), for the page to tell the person.
 */
export function sendPending(token, exceptScanId) {
  const round = () => sendRound(token, exceptScanId);
  return navigator.locks ? navigator.locks.request('checkin-page-outbox', round) : round();
}

async function sendRound(token, exceptScanId) {
  await prune();
  const unsent = [];
  for (const scan of await all()) {
    if (scan.state !== 'pending' || scan.scanId === exceptScanId) {
      continue;
    }
    if (tooOld(scan)) {
      unsent.push(scan);
      await settle(scan, 'expired');
      continue;
    }
    let answer;
    try {
      answer = await send(scan, token);
    } catch (e) {
      break;
    }
    const result = outcome(answer);
    if (result === 'sent') {
      await settle(scan, 'sent');
    } else if (result === 'refused' || result === 'expired') {
      unsent.push(scan);
      await settle(scan, result, answer.body && answer.body.code);
    } else {
      break;
    }
  }
  return unsent;
}
