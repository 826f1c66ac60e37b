// Every scan, kept on the phone (IndexedDB) before it is sent: its scan id, when it was made, the code and what the
// code says. A scan stays `pending` until a function has answered it for good, so a scan made without a connection
// survives the page being closed and is sent on a later visit, with the same scan id: recorded once.
//
// A kept scan is one of: pending (not answered yet), sent (recorded, or answered duplicate), refused (a function
// refused it for good: `problem` says why) or expired (older than the functions accept, never sent).

const DATABASE = 'checkin-page';
const STORE = 'scans';
/** How long a kept scan is remembered once it is over: a sent one for a reload, the others to tell the person. */
const KEEP_SENT_MS = 24 * 60 * 60 * 1000;
const KEEP_UNSENT_MS = 7 * 24 * 60 * 60 * 1000;

/** One connection per operation, closed after it: a tab never holds the database open against another. */
function open() {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(DATABASE, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(STORE, { keyPath: 'scanId' });
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function run(mode, work) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const transaction = db.transaction(STORE, mode);
      const result = work(transaction.objectStore(STORE));
      transaction.oncomplete = () => resolve(result.result);
      transaction.onerror = () => reject(transaction.error);
      transaction.onabort = () => reject(transaction.error);
    });
  } finally {
    db.close();
  }
}

/**
 * Where scans are kept when the browser gives the page no IndexedDB (some private modes): in this page only, as
 * before the outbox, so the scan is still made and sent, only not kept past the page.
 */
const memory = new Map();

/** Keeps a scan (a new one, or a kept one with its new state). */
export async function keep(scan) {
  try {
    await run('readwrite', (store) => store.put(scan));
  } catch (e) {
    memory.set(scan.scanId, scan);
  }
}

/** Every kept scan, oldest first. */
export async function all() {
  let scans;
  try {
    scans = await run('readonly', (store) => store.getAll());
  } catch (e) {
    scans = [...memory.values()];
  }
  return scans.sort((a, b) => a.keptAt - b.keptAt);
}

/** The latest scan of this code, or null. */
export async function latestFor(token) {
  return (await all()).filter((scan) => scan.token === token).pop() || null;
}

/** Forgets scans that are over and old enough that nothing needs them any more. */
export async function prune(now = Date.now()) {
  const old = (await all()).filter((scan) => scan.state !== 'pending'
    && now - scan.keptAt > (scan.state === 'sent' ? KEEP_SENT_MS : KEEP_UNSENT_MS));
  if (old.length) {
    old.forEach((scan) => memory.delete(scan.scanId));
    await run('readwrite', (store) => {
      old.forEach((scan) => store.delete(scan.scanId));
      return {};
    }).catch(() => {});
  }
}
