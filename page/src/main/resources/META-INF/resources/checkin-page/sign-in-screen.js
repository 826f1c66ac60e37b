// The screens that ask for sign-in, for any page of the check-in page; how signing in works is sign-in.js's.
import { readCode } from './code.js';
import { t } from './messages.js';
import { button, form, heading, paragraph, show, venueHeader } from './screens.js';
import { signIn, signInKind } from './sign-in.js';

/**
 * Asks the person to sign in, then goes on with the token: header (or null), title and lead are the page's. With an
 * identity provider the page is left for its sign-in; the scan kept for a code goes on when the person comes back.
 */
export async function askToSignIn(header, title, lead, then) {
  const error = paragraph('', 'error');
  error.setAttribute('role', 'alert');
  const atProvider = await signInKind().catch(() => 'openid-connect') === 'openid-connect';
  show('sign-in', 'quiet', header, heading(t(title)), lead && paragraph(lead),
    atProvider && button(t('signInButton'), () => signIn().catch(() => { error.textContent = t('signInFailed'); })),
    !atProvider && form(t, async (name) => {
      let token;
      try {
        token = await signIn(name);
      } catch (e) {
        error.textContent = t('signInFailed');
        return;
      }
      then(token);
    }), error);
}

/** The provider gave no token: nothing was sent; back at the address, the person may sign in again. */
export function signInRefused(refused) {
  const code = readCode(location.pathname);
  const denied = refused && refused.reason === 'denied';
  const [title, text] = denied ? ['signInDeniedTitle', 'signInDeniedText'] : ['signInFailedTitle', 'signInFailedText'];
  const again = () => signIn().catch(() => signInRefused({ reason: 'failed' }));
  show(denied ? 'sign-in-denied' : 'sign-in-failed', 'stop', code && venueHeader(t, code),
    heading(t(title)), paragraph(t(text), 'lead'), code && button(t('signInAgain'), again));
}
