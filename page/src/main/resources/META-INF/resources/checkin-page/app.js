// The check-in page: reads the code from the address, makes sure the person is signed in, sends the scan and shows
// what the staff at the door look at.
import { readCode } from './code.js';
import { language, message, PROBLEM_SCREENS } from './messages.js';
import { markAnswered, scanFor, send } from './scan.js';
import { button, clockTime, dateTime, form, heading, liveClock, paragraph, show, venueHeader } from './screens.js';
import { currentToken, forget, returningFromSignIn, signIn, signInKind } from './sign-in.js';

const lang = language(navigator.language);
const t = (key, params) => message(lang, key, params);
document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
document.title = t('title');

/** How long to wait before sending again when the answer did not say (503 without Retry-After). */
const DEFAULT_RETRY_SECONDS = 5;
let retryTimer = null;
/** The one pending "send again when online": a page offline several times still sends once when back. */
let onlineRetry = null;

function reloaded() {
  const navigation = performance.getEntriesByType('navigation')[0];
  return Boolean(navigation && navigation.type === 'reload');
}

async function start() {
  try {
    await returningFromSignIn();
  } catch (e) {
    signInRefused(e);
    return;
  }
  const code = readCode(location.pathname);
  if (!code) {
    show('invalid-code', 'stop', heading(t('invalidCodeTitle')), paragraph(t('invalidCodeText')));
    return;
  }
  const scan = scanFor(code, reloaded());
  const token = currentToken();
  if (token) {
    submit(code, scan, token);
  } else {
    askToSignIn(code, scan, 'signInTitle');
  }
}

async function askToSignIn(code, scan, title) {
  const error = paragraph('', 'error');
  error.setAttribute('role', 'alert');
  // with an identity provider the page is left for its sign-in, and the scan kept for this code goes on on return
  const atProvider = await signInKind().catch(() => 'openid-connect') === 'openid-connect';
  show('sign-in', 'quiet', venueHeader(t, code), heading(t(title)),
    paragraph(t('signInLead', { venue: code.venueName })),
    atProvider && button(t('signInButton'), () => signIn().catch(() => { error.textContent = t('signInFailed'); })),
    !atProvider && form(t, async (name) => {
      try {
        submit(code, scan, await signIn(name));
      } catch (e) {
        error.textContent = t('signInFailed');
      }
    }), error);
}

/** The provider gave no token: nothing was sent; back at the code, the person may sign in again. */
function signInRefused(refused) {
  const code = readCode(location.pathname);
  const [title, text] = refused.reason === 'denied' ? ['signInDeniedTitle', 'signInDeniedText']
    : ['signInFailedTitle', 'signInFailedText'];
  const again = () => signIn().catch(() => signInRefused({ reason: 'failed' }));
  show(refused.reason === 'denied' ? 'sign-in-denied' : 'sign-in-failed', 'stop', code && venueHeader(t, code),
    heading(t(title)), paragraph(t(text), 'lead'), code && button(t('signInAgain'), again));
}

async function submit(code, scan, token) {
  clearTimeout(retryTimer);
  window.removeEventListener('online', onlineRetry);
  show('sending', 'quiet', venueHeader(t, code), heading(t(code.direction === 'IN' ? 'checkingIn' : 'checkingOut')));
  let answer;
  try {
    answer = await send(code, scan, token);
  } catch (e) {
    // no answer at all: the scan stays kept and unanswered, and goes again when the phone is back online
    show('offline', 'warn', venueHeader(t, code), heading(t('offlineTitle')), paragraph(t('offlineText')),
      button(t('retry'), () => submit(code, scan, token)));
    onlineRetry = () => submit(code, scan, token);
    window.addEventListener('online', onlineRetry, { once: true });
    return;
  }
  if (answer.status === 200 && answer.body) {
    markAnswered(code, scan);
    receipt(code, answer.body);
    return;
  }
  problem(code, scan, token, answer);
}

function receipt(code, body) {
  const at = new Date(body.at);
  const entry = body.direction === 'IN';
  const named = { ...code, venueName: body.venueName || code.venueName, direction: body.direction };
  if (body.status === 'duplicate') {
    show('duplicate', 'warn', venueHeader(t, named), heading(t('duplicateTitle')),
      paragraph(t(entry ? 'duplicateIn' : 'duplicateOut', { time: dateTime(at, lang) }), 'lead'),
      liveClock(t, lang), paragraph(t('showStaff')), button(t('scanAgain'), () => location.assign(location.pathname), 'quiet-action'));
    return;
  }
  const time = document.createElement('time');
  time.className = 'scan-time';
  time.dateTime = body.at;
  time.textContent = clockTime(at, lang, false);
  const when = paragraph(t('at', { time: '' }).trim() + ' ', 'lead');
  when.append(time);
  show('receipt', entry ? 'entry' : 'exit', venueHeader(t, named), heading(t(entry ? 'recordedIn' : 'recordedOut')),
    when, paragraph(dateTime(at, lang), 'note'), liveClock(t, lang), paragraph(t('showStaff')));
}

function problem(code, scan, token, answer) {
  const problemCode = answer.body && typeof answer.body.code === 'string' ? answer.body.code : null;
  const screen = PROBLEM_SCREENS[problemCode] || (answer.status === 503 ? 'unavailable' : 'problem');
  const header = venueHeader(t, code);
  switch (screen) {
    case 'sign-in':
      forget();
      askToSignIn(code, scan, 'signInAgainTitle');
      return;
    case 'unavailable':
    case 'too-many-scans': {
      // the same scan goes again after the wait the function named: it is recorded once however often it is sent
      const seconds = answer.retryAfter || DEFAULT_RETRY_SECONDS;
      const [title, text] = screen === 'unavailable' ? ['unavailableTitle', 'unavailableText'] : ['tooManyTitle', 'tooManyText'];
      show(screen, 'warn', header, heading(t(title)), paragraph(t(text, { seconds }), 'lead'),
        button(t('retry'), () => submit(code, scan, token)));
      retryTimer = setTimeout(() => submit(code, scan, token), seconds * 1000);
      return;
    }
    default: {
      // refused for good: this scan is over, the next visit of the code is a new one
      markAnswered(code, scan);
      const [title, text] = {
        revoked: ['revokedTitle', 'revokedText'],
        suspended: ['suspendedTitle', 'suspendedText'],
        'wrong-direction': ['wrongDirectionTitle', 'wrongDirectionText'],
        'invalid-code': ['invalidCodeTitle', 'invalidCodeText'],
      }[screen] || ['problemTitle', 'problemText'];
      show(screen, 'stop', header, heading(t(title)), paragraph(t(text), 'lead'));
    }
  }
}

start();
