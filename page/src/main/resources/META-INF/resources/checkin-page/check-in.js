// A venue code's page: reads the code from the address, makes sure the person is signed in, keeps the scan on the
// phone, sends it and shows what the staff at the door look at.
import { readCode } from './code.js';
import { FINAL_SCREENS, finalScreen, lang, PROBLEM_SCREENS, t } from './messages.js';
import { sendPending } from './resend.js';
import { outcome, scanFor, send, settle, tooOld } from './scan.js';
import { button, clockTime, dateTime, heading, link, liveClock, paragraph, show, venueHeader } from './screens.js';
import { askToSignIn } from './sign-in-screen.js';
import { currentToken, forget } from './sign-in.js';

/** How long to wait before sending again when the answer did not say (503 without Retry-After). */
const DEFAULT_RETRY_SECONDS = 5;
let retryTimer = null;
/** The one pending "send again when online": a page offline several times still sends once when back. */
let onlineRetry = null;
/** The scan this page is sending itself, which the rounds of resend.js leave to it, and whether it was answered. */
let current = null;
let answered = false;

function reloaded() {
  const navigation = performance.getEntriesByType('navigation')[0];
  return Boolean(navigation && navigation.type === 'reload');
}

/** The code page's flow, from the address to a settled screen. */
export async function checkIn() {
  const code = readCode(location.pathname);
  if (!code) {
    show('invalid-code', 'stop', heading(t('invalidCodeTitle')), paragraph(t('invalidCodeText')));
    return;
  }
  const scan = await scanFor(code, reloaded());
  const token = currentToken();
  if (token) {
    submit(code, scan, token);
  } else {
    signInFor(code, scan, 'signInTitle');
  }
}

function signInFor(code, scan, title) {
  askToSignIn(venueHeader(t, code), title, t('signInLead', { venue: code.venueName }), (token) => submit(code, scan, token));
}

async function submit(code, scan, token) {
  clearTimeout(retryTimer);
  window.removeEventListener('online', onlineRetry);
  current = scan.scanId;
  if (tooOld(scan)) {
    await settle(scan, 'expired');
    final(code, 'expired');
    return;
  }
  show('sending', 'quiet', venueHeader(t, code), heading(t(code.direction === 'IN' ? 'checkingIn' : 'checkingOut')));
  let answer;
  try {
    answer = await send(scan, token);
  } catch (e) {
    // no answer at all: the scan stays in the outbox, and goes when the phone is back online or on a later visit
    show('offline', 'warn', venueHeader(t, code), heading(t('offlineTitle')), paragraph(t('offlineText')),
      button(t('retry'), () => submit(code, scan, token)));
    onlineRetry = () => submit(code, scan, token);
    window.addEventListener('online', onlineRetry, { once: true });
    return;
  }
  const result = outcome(answer);
  answered = result === 'sent' || result === 'refused' || result === 'expired';
  if (result === 'sent') {
    await settle(scan, 'sent');
    receipt(code, answer.body);
    sendEarlier(token);
  } else if (result === 'refused' || result === 'expired') {
    await settle(scan, result, answer.body && answer.body.code);
    final(code, finalScreen(answer.body && answer.body.code));
    sendEarlier(token);
  } else if (result === 'sign-in') {
    forget();
    signInFor(code, scan, 'signInAgainTitle');
  } else {
    later(code, scan, token, answer);
  }
}

function receipt(code, body) {
  const at = new Date(body.at);
  const entry = body.direction === 'IN';
  const named = { ...code, venueName: body.venueName || code.venueName, direction: body.direction };
  const visits = link(t('myVisits'), '/visits');
  if (body.status === 'duplicate') {
    show('duplicate', 'warn', venueHeader(t, named), heading(t('duplicateTitle')),
      paragraph(t(entry ? 'duplicateIn' : 'duplicateOut', { time: dateTime(at, lang) }), 'lead'),
      liveClock(t, lang), paragraph(t('showStaff')), button(t('scanAgain'), () => location.assign(location.pathname), 'quiet-action'),
      visits);
    return;
  }
  const time = document.createElement('time');
  time.className = 'scan-time';
  time.dateTime = body.at;
  time.textContent = clockTime(at, lang, false);
  const when = paragraph(t('at', { time: '' }).trim() + ' ', 'lead');
  when.append(time);
  show('receipt', entry ? 'entry' : 'exit', venueHeader(t, named), heading(t(entry ? 'recordedIn' : 'recordedOut')),
    when, paragraph(dateTime(at, lang), 'note'), liveClock(t, lang), paragraph(t('showStaff')), visits);
}

/** Busy, unavailable or at the limit: the same scan goes again after the wait the function named. */
function later(code, scan, token, answer) {
  const problemCode = answer.body && typeof answer.body.code === 'string' ? answer.body.code : null;
  const screen = PROBLEM_SCREENS[problemCode] === 'too-many-scans' ? 'too-many-scans' : 'unavailable';
  const seconds = answer.retryAfter || DEFAULT_RETRY_SECONDS;
  const [title, text] = screen === 'unavailable' ? ['unavailableTitle', 'unavailableText'] : ['tooManyTitle', 'tooManyText'];
  show(screen, 'warn', venueHeader(t, code), heading(t(title)), paragraph(t(text, { seconds }), 'lead'),
    button(t('retry'), () => submit(code, scan, token)));
  retryTimer = setTimeout(() => submit(code, scan, token), seconds * 1000);
}

/** Refused for good, or too old to send: this scan is over, the next visit of the code is a new one. */
function final(code, screen) {
  const [title, text] = FINAL_SCREENS[screen];
  show(screen, 'stop', venueHeader(t, code), heading(t(title)), paragraph(t(text), 'lead'));
}

/**
 * Once this scan is answered, the phone's earlier ones go too: after it, so that the one the staff wait for is not
 * held up (or put over the per-person limit) by older ones. One that could not be recorded is mentioned here.
 */
function sendEarlier(token) {
  sendPending(token, current).then((unsent) => {
    if (unsent.length) {
      const note = paragraph(t('earlierUnsent') + ' ', 'note');
      note.append(link(t('myVisits'), '/visits'));
      document.getElementById('screen').append(note);
    }
  }, () => {});
}

// scans left waiting (offline, busy) go now that the phone is back; while this page's own scan waits, they go after
// it, from its own retry
window.addEventListener('online', () => {
  const token = currentToken();
  if (token && answered) {
    sendEarlier(token);
  }
});
