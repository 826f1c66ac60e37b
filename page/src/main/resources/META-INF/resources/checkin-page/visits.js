// The person's visits (/visits): query-history's my-visits, newest first, a page at a time, and above them the scans
// this phone still holds: waiting to be sent, or not recorded (refused, or too old to send) with the reason.
import { call } from './call.js';
import { FINAL_SCREENS, finalScreen, lang, t } from './messages.js';
import { all } from './outbox.js';
import { sendPending } from './resend.js';
import { button, clockTime, dateTime, heading, list, paragraph, section, show } from './screens.js';
import { askToSignIn } from './sign-in-screen.js';
import { currentToken, forget } from './sign-in.js';

/** Visits per page; `?limit=` in the address asks for another size (1 to 200, as my-visits takes). */
const DEFAULT_LIMIT = 20;

/** The visits page's flow: sign in if needed, send what the phone holds, then list. */
export function showVisits() {
  const token = currentToken();
  if (token) {
    visits(token);
  } else {
    askToSignIn(null, 'visitsSignIn', null, visits);
  }
  window.addEventListener('online', () => {
    const current = currentToken();
    if (current) {
      visits(current);
    }
  });
}

async function visits(token) {
  // sent first, so that a scan that just went is listed among the visits, not as waiting
  await sendPending(token, null).catch(() => []);
  const kept = await all();
  let answer = null;
  try {
    answer = await myVisits(token, null);
  } catch (e) {
    answer = null;
  }
  if (answer && (answer.status === 401 || answer.status === 403)) {
    forget();
    askToSignIn(null, 'signInAgainTitle', null, visits);
    return;
  }
  const waiting = kept.filter((scan) => scan.state === 'pending').reverse();
  const unsent = kept.filter((scan) => scan.state === 'refused' || scan.state === 'expired').reverse();
  const listing = list('visits', []);
  const more = button(t('more'), () => {}, 'quiet-action more');
  show('visits', 'quiet', heading(t('myVisits')),
    waiting.length && section(t('waitingTitle'), paragraph(t('waitingText')), list('waiting', waiting.map(scanLines))),
    unsent.length && section(t('unsentTitle'), list('unsent', unsent.map(unsentLines))),
    paragraph(answer ? t('visitsLead') : t('visitsOffline')), listing, more);
  showPage(token, answer, listing, more);
}

/** Adds a page of visits to the list; the button fetches the next one while there is one. */
function showPage(token, answer, listing, more) {
  const page = answer && answer.status === 200 && answer.body ? answer.body : { visits: [] };
  listing.append(...list('', page.visits.map(visitLines)).children);
  if (answer && answer.status === 200 && listing.children.length === 0) {
    listing.replaceWith(paragraph(t('noVisits')));
  }
  if (!page.nextCursor) {
    more.remove();
    return;
  }
  more.onclick = async () => {
    more.disabled = true;
    try {
      showPage(token, await myVisits(token, page.nextCursor), listing, more);
    } catch (e) {
      // no connection: the button stays for another try
    } finally {
      more.disabled = false;
    }
  };
}

function myVisits(token, cursor) {
  const requested = parseInt(new URLSearchParams(location.search).get('limit') || '', 10);
  const limit = Number.isFinite(requested) ? Math.min(200, Math.max(1, requested)) : DEFAULT_LIMIT;
  return call('queryHistory', '/my-visits', token, cursor ? { limit, cursor } : { limit });
}

function visitLines(visit) {
  const start = new Date(visit.start);
  const end = new Date(visit.end);
  const sameDay = start.toDateString() === end.toDateString();
  const notes = [visit.startSource === 'assumed' && t('noEntryScan'), visit.endSource === 'auto-checkout' && t('noExitScan')];
  return [visit.venueName || visit.venueId,
    dateTime(start, lang) + ' – ' + (sameDay ? clockTime(end, lang, false) : dateTime(end, lang)),
    notes.filter(Boolean).join(', ')];
}

function scanLines(scan) {
  return [scan.venueName, t(scan.direction === 'IN' ? 'entry' : 'exit') + ' · '
    + t('scannedAt', { time: dateTime(new Date(scan.keptAt), lang) })];
}

function unsentLines(scan) {
  const screen = scan.state === 'expired' ? 'expired' : finalScreen(scan.problem);
  return [...scanLines(scan), t(FINAL_SCREENS[screen][0])];
}
