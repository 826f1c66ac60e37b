// The check-in page: a venue code's address (/c/{token}) checks the person in or out; /visits lists their visits.
// Either way, scans the phone still holds from earlier are sent first (resend.js). Coming back from the identity
// provider's sign-in, the page first completes it and returns to the address the person signed in from.
import { checkIn } from './check-in.js';
import { lang, t } from './messages.js';
import { signInRefused } from './sign-in-screen.js';
import { returningFromSignIn } from './sign-in.js';
import { showVisits } from './visits.js';

document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
document.title = t('title');

// The page's files, kept by the browser, open a code's address without a connection too (sw.js): the scan is then
// made and kept, and sent later. Registered from the page's files under the whole origin ('/'), which the worker's
// Service-Worker-Allowed header permits; it answers only for the page's own addresses.
if ('serviceWorker' in navigator) {
  navigator.serviceWorker.register('/checkin-page/sw.js', { scope: '/' }).catch(() => {});
}

async function start() {
  try {
    await returningFromSignIn();
  } catch (refused) {
    signInRefused(refused);
    return;
  }
  if (location.pathname === '/visits') {
    showVisits();
  } else {
    checkIn();
  }
}

start();
