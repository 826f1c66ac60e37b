// The check-in page's service worker: keeps the page's files so that a code's address opens without a connection
// (a phone in a basement, a lift, a crowd), and the scan can be made and kept (outbox.js) to be sent later.
// Network first: with a connection the page is always the current one; the kept copy is only for when there is none.
// It answers only for the page's own addresses and never for a function's: scans go to the network as they would.

const CACHE = 'checkin-page-1';
/** The page's HTML, the same for every code and for /visits, kept once under this key with its headers. */
const SHELL = '/checkin-page/shell';
const FILES = ['app.js', 'call.js', 'check-in.js', 'checkin.css', 'code.js', 'messages.js', 'openid-connect.js',
  'outbox.js', 'resend.js', 'scan.js', 'screens.js', 'settings.js', 'settings.json', 'sign-in-screen.js', 'sign-in.js',
  'visits.js', 'vendor/oauth4webapi-3.8.8/index.js']
  .map((file) => '/checkin-page/' + file);

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(CACHE).then(async (cache) => {
    await cache.addAll(FILES);
    await cache.put(SHELL, await fetch('/visits', { cache: 'no-store' }));
  }).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(caches.keys()
    .then((keys) => Promise.all(keys.filter((key) => key !== CACHE).map((key) => caches.delete(key))))
    .then(() => self.clients.claim()));
});

self.addEventListener('fetch', (event) => {
  const url = new URL(event.request.url);
  if (event.request.method !== 'GET' || url.origin !== self.location.origin) {
    return;
  }
  const page = url.pathname.startsWith('/c/') || url.pathname === '/visits';
  if (page || FILES.includes(url.pathname)) {
    event.respondWith(networkFirst(event.request, page ? SHELL : url.pathname));
  }
});

async function networkFirst(request, key) {
  try {
    const response = await fetch(request);
    if (response.ok) {
      const cache = await caches.open(CACHE);
      await cache.put(key, response.clone());
    }
    return response;
  } catch (e) {
    const kept = await caches.match(key);
    if (kept) {
      return kept;
    }
    throw e;
  }
}
