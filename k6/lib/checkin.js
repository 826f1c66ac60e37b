// What every script shares: where the functions are, the tokens, the test data, and the calls with their checks.
//
// Environment (defaults in brackets):
//   BASE_URL [http://localhost:8080]      every function, as on the local stack (./local-stack)
//   GENERATE_CODE_URL, SCAN_IN_URL, SCAN_OUT_URL, QUERY_HISTORY_URL [BASE_URL]   one per Knative Service
//   MANAGER_TOKEN                         a venue-manager token (./local-stack prints one)
//   OFFICIAL_TOKEN                        a health-official token (./local-stack prints one)
//   CITIZEN_TOKENS [k6/tokens.json]       citizen tokens, a JSON array or one per line (a relative path is from
//                                         the working directory): ./local-stack tokens citizen 2000 k6 --json > k6/tokens.json
//   VENUES [50]                           venues registered in setup()
//   RETRY_SHARE [0.05]                    share of scans sent twice with the same scanId (must be "duplicate")
//   SCAN_P95_MS, SCAN_P99_MS              override a script's latency thresholds for the scan functions
import http from 'k6/http';
import encoding from 'k6/encoding';
import exec from 'k6/execution';
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

/**
 * A file named on the command line: relative to the working directory (k6 resolves `open` relative to the
 * module that calls it, which is this one), or to the scripts' folder where the shell does not say (no PWD);
 * without one, `fallback` in the scripts' folder.
 */
function fileFromCommandLine(path, fallback) {
  if (!path) {
    return `../${fallback}`;
  }
  if (path.startsWith('/')) {
    return path;
  }
  return __ENV.PWD ? `${__ENV.PWD}/${path}` : `../${path}`;
}

export const citizens = new SharedArray('citizens', () => {
  const text = open(fileFromCommandLine(__ENV.CITIZEN_TOKENS, 'tokens.json'));
  const trimmed = text.trim();
  const tokens = trimmed.startsWith('[') ? JSON.parse(trimmed) : trimmed.split('\n').map((t) => t.trim());
  return tokens.filter((t) => t.length > 0);
});

/**
 * The n-th citizen, in turn: scenarios take people round-robin by iteration, so every person scans at the
 * same pace (the per-person limit is 20 scans a minute) and the people a script reads have scanned.
 */
export function citizen(n) {
  return citizens[n % citizens.length];
}

/** This iteration's number within its scenario, across all VUs: 0, 1, 2, ... */
export function iteration() {
  return exec.scenario.iterationInTest;
}

/** The subject (`sub` claim) of a token, as the functions see it: whom an official asks about. */
export function subjectOf(token) {
  return JSON.parse(encoding.b64decode(token.split('.')[1], 'rawurl', 's')).sub;
}

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

/**
 * One scan with a new scanId; a share of them is sent again with the same scanId and must come back as a
 * duplicate of the first. `clientAt` (a Date, optional) is when the phone scanned, for a scan sent late.
 */
export function scan(direction, code, token, clientAt) {
  const fn = direction === 'IN' ? 'scan-in' : 'scan-out';
  const url = direction === 'IN' ? urls.scanIn : urls.scanOut;
  const body = { code, scanId: crypto.randomUUID() };
  if (clientAt) {
    body.clientAt = clientAt.toISOString();
  }
  const res = post(url, fn, token, body, fn);
  check(res, {
    [`${fn} 200`]: (r) => r.status === 200,
    [`${fn} recorded`]: (r) => r.status === 200 && r.json('status') === 'recorded',
  });
  if (res.status === 200 && Math.random() < retryShare) {
    const again = post(url, fn, token, body, fn);
    check(again, {
      [`${fn} retry is a duplicate`]: (r) => r.status === 200 && r.json('status') === 'duplicate'
        && r.json('at') === res.json('at'),
    });
  }
  return res;
}

/**
 * A visit as a person makes it: the venue's entry code to scan-in, then its exit code to scan-out. With
 * `from` and `to` (Dates), the scans carry those times as `clientAt`, as a phone sends scans it kept offline.
 */
export function visit(venue, token, from, to) {
  scan('IN', venue.entry, token, from);
  scan('OUT', venue.exit, token, to);
}

/** The caller's own visits; `expectVisits` adds a check that there is at least one. */
export function myVisits(token, expectVisits) {
  const res = post(urls.queryHistory, 'my-visits', token, { limit: 50 }, 'query-history');
  check(res, { 'my-visits 200': (r) => r.status === 200 });
  if (expectVisits) {
    check(res, { 'my-visits lists the visits made': (r) => r.status === 200 && r.json('visits').length > 0 });
  }
  return res;
}

/** Visits at a venue; `window` ({from, to} as ISO-8601 text, optional) narrows them, else the last 14 days. */
export function venueVisitors(venueId, window) {
  const res = post(urls.queryHistory, 'venue-visitors', officialToken, { venueId, ...window }, 'query-history');
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

const scanFunctions = new Set(['scan-in', 'scan-out']);

/**
 * The thresholds of a run, for each function (`fn` tag) of `latencies` ({fn: [p95, p99]} in milliseconds):
 * it was called at all, under 1% of its requests failed, and its p95 and p99 latency (SCAN_P95_MS and
 * SCAN_P99_MS override them for scan-in and scan-out); over 99% of all checks passed; and, for a script
 * that plans `iterationsPerSecond`, k6 dropped fewer than 1% of them.
 */
export function thresholds(latencies, iterationsPerSecond) {
  const t = {};
  for (const [fn, [p95, p99]] of Object.entries(latencies)) {
    const scanFn = scanFunctions.has(fn);
    t[`http_reqs{fn:${fn}}`] = ['count>0'];
    t[`http_req_failed{fn:${fn}}`] = ['rate<0.01'];
    t[`http_req_duration{fn:${fn}}`] = [`p(95)<${(scanFn && __ENV.SCAN_P95_MS) || p95}`,
      `p(99)<${(scanFn && __ENV.SCAN_P99_MS) || p99}`];
  }
  t.checks = ['rate>0.99'];
  if (iterationsPerSecond) {
    // k6 drops an iteration when every VU is busy, or while it starts more: the planned load was not sent
    t.dropped_iterations = [`rate<${iterationsPerSecond / 100}`];
  }
  return t;
}

/** The trend statistics every summary holds: p(99) is not among k6's defaults. */
export const summaryTrendStats = ['avg', 'min', 'med', 'max', 'p(90)', 'p(95)', 'p(99)'];

function fixed(value, digits) {
  return value === undefined ? '-' : value.toFixed(digits);
}

/**
 * The end of a run: per function its requests, failures and p95/p99, then every threshold with its verdict
 * and every failing check, on stdout; the whole of k6's summary data in SUMMARY_FILE [./summary-<script>.json].
 */
export function summary(name) {
  return (data) => {
    const file = __ENV.SUMMARY_FILE || `./summary-${name}.json`;
    const m = data.metrics;
    const seconds = data.state.testRunDurationMs / 1000;
    const total = m.http_reqs ? m.http_reqs.values.count : 0;
    const lines = [`${name}: ${total} requests in ${seconds.toFixed(1)} s (${(total / seconds).toFixed(1)}/s),`
      + ` ${fixed(m.http_req_failed && 100 * m.http_req_failed.values.rate, 2)}% failed,`
      + ` checks ${fixed(m.checks && 100 * m.checks.values.rate, 2)}% passed,`
      + ` ${m.dropped_iterations ? m.dropped_iterations.values.count : 0} iterations dropped`];
    const metrics = Object.entries(m).sort(([a], [b]) => a.localeCompare(b));
    for (const [metric, value] of metrics) {
      const fn = /^http_reqs\{fn:(.*)\}$/.exec(metric);
      if (fn) {
        const duration = m[`http_req_duration{fn:${fn[1]}}`];
        const failed = m[`http_req_failed{fn:${fn[1]}}`];
        lines.push(`  ${fn[1].padEnd(14)} ${String(value.values.count).padStart(7)} requests`
          + ` ${fixed(value.values.rate, 1).padStart(8)}/s`
          + `  failed ${fixed(failed && 100 * failed.values.rate, 2)}%`
          + `  p95 ${fixed(duration && duration.values['p(95)'], 1)} ms  p99 ${fixed(duration && duration.values['p(99)'], 1)} ms`);
      }
    }
    lines.push('thresholds:');
    for (const [metric, value] of metrics) {
      for (const [expression, verdict] of Object.entries(value.thresholds || {})) {
        lines.push(`  ${verdict.ok ? 'ok    ' : 'FAILED'} ${metric} ${expression}`);
      }
    }
    const failedChecks = [];
    (function walk(group) {
      for (const c of group.checks) {
        if (c.fails > 0) {
          failedChecks.push(`  ${c.name}${group.path ? ` (in ${group.path})` : ''}: ${c.fails} of ${c.passes + c.fails} failed`);
        }
      }
      group.groups.forEach(walk);
    }(data.root_group));
    if (failedChecks.length > 0) {
      lines.push('failed checks:', ...failedChecks);
    }
    lines.push(`summary: ${file}`);
    return { [file]: JSON.stringify(data, null, 2), stdout: `${lines.join('\n')}\n` };
  };
}
