// The screen that asks for sign-in, for any page of the check-in page; how signing in works is sign-in.js's.
import { t } from './messages.js';
import { form, heading, paragraph, show } from './screens.js';
import { signIn } from './sign-in.js';

/** Asks the person to sign in, then goes on with the token: header (or null), title and lead are the page's. */
export function askToSignIn(header, title, lead, then) {
  const error = paragraph('', 'error');
  error.setAttribute('role', 'alert');
  show('sign-in', 'quiet', header, heading(t(title)), lead && paragraph(lead),
    form(t, async (name) => {
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
