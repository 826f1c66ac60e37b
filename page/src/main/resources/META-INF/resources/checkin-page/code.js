// A venue code as the page's address carries it: /c/{token}, the token a JWS whose payload names the venue and the
// direction. Read without checking the signature: only the scan functions can tell a genuine code, and they do.

/** The decoded code at this path, or null when the path holds no readable code. */
export function readCode(pathname) {
  const match = /^\/c\/([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+)\/?$/.exec(pathname);
  if (!match) {
    return null;
  }
  const payload = decodeSegment(match[1].split('.')[1]);
  if (!payload || (payload.dir !== 'IN' && payload.dir !== 'OUT') || typeof payload.vid !== 'string') {
    return null;
  }
  return {
    token: match[1],
    venueId: payload.vid,
    direction: payload.dir,
    venueName: typeof payload.name === 'string' ? payload.name : '',
  };
}

/** A base64url JSON segment (of a code or a sign-in token) as an object, or null. */
export function decodeSegment(segment) {
  try {
    const base64 = segment.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64 + '='.repeat((4 - (base64.length % 4)) % 4));
    // names are UTF-8 (any script): atob gives bytes, not characters
    const bytes = Uint8Array.from(binary, (c) => c.charCodeAt(0));
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (e) {
    return null;
  }
}
