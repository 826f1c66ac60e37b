// What every script shares: where the functions are, the tokens, the test data, and the calls with their checks.
//
// Environment (defaults in brackets):
//   BASE_URL [http://localhost:8080]      every function, as on the local stack (./local-stack)
//   GENERATE_CODE_URL, SCAN_IN_URL, SCAN_OUT_URL, QUERY_HISTORY_URL [BASE_URL]   one per Knative Service
//   MANAGER_TOKEN                         a venue-manager token (./local-stack prints one)
//   OFFICIAL_TOKEN                        a health-official token (./local-stack prints one)
//   CITIZEN_TOKENS [./tokens.json]        citizen tokens, a JSON array or one per line:
//                                         ./local-stack tokens citizen 1000 k6 --json > k6/tokens.json
//   VENUES [50]                           venues registered in setup()
//   RETRY_SHARE [0.05]                    share of scans sent twice with the same scanId (must be "duplicate")
import http from 'k6/http';
import { check } from 'k6';
import { SharedArray } from 'k6/data';

const base = __ENV.BASE_URL || 'http://localhost:8080';
export const urls = {
  generateCode: __ENV.GENERATE_CODE_URL || base,
  scanIn: __ENV.SCAN_IN_URL || base,
  scanOut: __ENV.SCAN_OUT_URL || base,
  queryHistory: __ENV.QUERY_HISTORY_URL || base,
};
export const managerToken = __ENV.MANAGER_TOKEN || '';
export const officialToken = __ENV.OFFICIAL_TOKEN || '';
export const retryShare = Number(__ENV.RETRY_SHARE || '0.05');

export const citizens = new SharedArray('citizens', () => {
  const text = open(__ENV.CITIZEN_TOKENS || './tokens.json');
  const trimmed = text.trim();
  const tokens = trimmed.startsWith('[') ? JSON.parse(trimmed) : trimmed.split('\n').map((t) => t.trim());
  return tokens.filter((t) => t.length > 0);
});

function post(url, path, token, body, fn) {
  return http.post(`${url}/${path}`, JSON.stringify(body), {
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
    tags: { fn },
  });
}

/** Registers venues through generate-code (one bulk call) and returns their entry and exit codes. */
export function registerVenues(count, prefix) {
  const venues = [];
  for (let i = 0; i < count; i++) {
    venues.push({ name: `${prefix} venue ${i}`, address: `${i} Test Street`, region: 'k6' });
  }
  const res = post(urls.generateCode, 'register-venues', managerToken, { venues }, 'generate-code');
  if (!check(res, { 'register-venues 200': (r) => r.status === 200 })) {
    throw new Error(`register-venues failed: ${res.status} ${res.body}`);
  }
  return res.json('venues').map((v) => ({ id: v.venue.venueId, entry: v.entry.url, exit: v.exit.url }));
}

export function registerVenue(name) {
  const res = post(urls.generateCode, 'register-venue', managerToken,
    { name, address: '1 Test Street', region: 'k6', formats: ['svg'] }, 'generate-code');
  check(res, {
    'register-venue 200': (r) => r.status === 200,
    'register-venue has both codes': (r) => r.status === 200 && !!r.json('entry.svg') && !!r.json('exit.url'),
  });
  return res;
}

/** One scan with a new scanId; a share of them is sent again and must come back as a duplicate. */
export function scan(direction, code, token) {
  const fn = direction === 'IN' ? 'scan-in' : 'scan-out';
  const url = direction === 'IN' ? urls.scanIn : urls.scanOut;
  const scanId = crypto.randomUUID();
  const res = post(url, fn, token, { code, scanId }, fn);
  check(res, {
    [`${fn} 200`]: (r) => r.status === 200,
    [`${fn} recorded`]: (r) => r.status === 200 && r.json('status') === 'recorded',
  });
  if (res.status === 200 && Math.random() < retryShare) {
    const again = post(url, fn, token, { code, scanId }, fn);
    check(again, {
      [`${fn} retry is a duplicate`]: (r) => r.status === 200 && r.json('status') === 'duplicate'
        && r.json('at') === res.json('at'),
    });
  }
  return res;
}

export function myVisits(token) {
  const res = post(urls.queryHistory, 'my-visits', token, { limit: 50 }, 'query-history');
  check(res, { 'my-visits 200': (r) => r.status === 200 });
  return res;
}

export function venueVisitors(venueId) {
  const res = post(urls.queryHistory, 'venue-visitors', officialToken, { venueId }, 'query-history');
  check(res, { 'venue-visitors 200': (r) => r.status === 200 });
  return res;
}

export function contacts(subject) {
  const res = post(urls.queryHistory, 'contacts', officialToken, { subject, format: 'csv' }, 'query-history');
  check(res, { 'contacts 200': (r) => r.status === 200 });
  return res;
}

export function warmup(url) {
  const res = http.post(`${url}/warmup`, null, { tags: { fn: 'warmup' } });
  check(res, { 'warmup 200': (r) => r.status === 200 });
  return res;
}

export function pick(array) {
  return array[Math.floor(Math.random() * array.length)];
}

/** Error-rate and latency thresholds per function. */
export function thresholds(functions, p95, p99) {
  const t = {};
  for (const fn of functions) {
    t[`http_req_failed{fn:${fn}}`] = ['rate<0.01'];
    t[`http_req_duration{fn:${fn}}`] = [`p(95)<${p95}`, `p(99)<${p99}`];
  }
  t.checks = ['rate>0.99'];
  return t;
}

/** The end-of-test summary, also written to SUMMARY_FILE [./summary-<script>.json]. */
export function summary(name) {
  return (data) => {
    const file = __ENV.SUMMARY_FILE || `./summary-${name}.json`;
    const lines = [`${name}: ${data.metrics.http_reqs ? data.metrics.http_reqs.values.count : 0} requests`];
    for (const [metric, value] of Object.entries(data.metrics)) {
      if (metric.startsWith('http_req_duration{') && value.values) {
        lines.push(`  ${metric}: p95=${value.values['p(95)']?.toFixed(1)} ms p99=${value.values['p(99)']?.toFixed(1)} ms`);
      }
    }
    return { [file]: JSON.stringify(data, null, 2), stdout: `${lines.join('\n')}\n` };
  };
}
