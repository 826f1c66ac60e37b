// Soak: a long steady load, to find leaks, slow growth and drift (memory, queue, latency over hours).
//   RATE [100]        scans/s
//   DURATION [2h]     how long
import { citizens, pick, registerVenues, scan, summary, thresholds } from './lib/checkin.js';

const rate = Number(__ENV.RATE || '100');

export const options = {
  scenarios: {
    soak: { executor: 'constant-arrival-rate', rate, timeUnit: '1s', duration: __ENV.DURATION || '2h', preAllocatedVUs: 20, maxVUs: 200 },
  },
  thresholds: thresholds(['scan-in', 'scan-out'], 100, 250),
};

export function setup() {
  return { venues: registerVenues(Number(__ENV.VENUES || '50'), 'soak') };
}

export default function (data) {
  const venue = pick(data.venues);
  const citizen = pick(citizens);
  scan('IN', venue.entry, citizen);
  scan('OUT', venue.exit, citizen);
}

export const handleSummary = summary('soak');
