// The page's settings, served beside it (/checkin-page/settings.json, from io.checkin.page.PageConfig): how the
// person signs in, and where each function answers ('' is the page's own origin, as on the local stack).

let loaded = null;

/** The settings, read once per page. */
export function settings() {
  if (!loaded) {
    loaded = fetch('/checkin-page/settings.json', { cache: 'no-store' }).then((response) => {
      if (!response.ok) {
        throw new Error('settings ' + response.status);
      }
      return response.json();
    });
  }
  return loaded;
}

/** The address of a function's path: {@code functionUrl(s, 'scanIn', '/scan-in')}. */
export function functionUrl(current, name, path) {
  return (current.functions && current.functions[name] ? current.functions[name] : '') + path;
}
