// History: health officials' queries while scans run, to see that slow reads do not slow scanning (the
// functions are separate, and query-history has a bulkhead: overload answers 429 at once).
//   SCAN_RATE [200]   scans/s in the background
//   QUERY_RATE [5]    official queries/s (venue visitors and contacts, alternating)
//   DURATION [3m]
import { check } from 'k6';
import { citizens, contacts, pick, registerVenues, scan, summary, thresholds, venueVisitors } from './lib/checkin.js';

const duration = __ENV.DURATION || '3m';

export const options = {
  scenarios: {
    scans: { executor: 'constant-arrival-rate', rate: Number(__ENV.SCAN_RATE || '200'), timeUnit: '1s', duration, preAllocatedVUs: 50, maxVUs: 500, exec: 'scans' },
    officials: { executor: 'constant-arrival-rate', rate: Number(__ENV.QUERY_RATE || '5'), timeUnit: '1s', duration, preAllocatedVUs: 5, maxVUs: 50, exec: 'officials', startTime: '20s' },
  },
  thresholds: Object.assign(thresholds(['scan-in', 'scan-out'], 100, 250), {
    'http_req_duration{fn:query-history}': ['p(95)<2000'],
  }),
};

export function setup() {
  return { venues: registerVenues(Number(__ENV.VENUES || '20'), 'history') };
}

export function scans(data) {
  const venue = pick(data.venues);
  scan(Math.random() < 0.5 ? 'IN' : 'OUT', Math.random() < 0.5 ? venue.entry : venue.exit, pick(citizens));
}

export function officials(data) {
  const res = Math.random() < 0.5 ? venueVisitors(pick(data.venues).id) : contacts(`k6-${Math.floor(Math.random() * citizens.length)}`);
  check(res, { 'no history query is a 5xx': (r) => r.status < 500 });
}

export const handleSummary = summary('history');
