// Soak: a long steady load, to find leaks, slow growth and drift (memory, queue, latency over hours).
//   RATE [100]        scans/s (entries + exits): RATE / 2 visits a second
//   DURATION [2h]     how long
//   VENUES [50]       venues registered in setup()
import { citizen, iteration, pick, registerVenues, summary, summaryTrendStats, thresholds, visit } from './lib/checkin.js';

const rate = Number(__ENV.RATE || '100');

export const options = {
  scenarios: {
    // RATE visits every 2 s: RATE scans a second
    soak: { executor: 'constant-arrival-rate', rate, timeUnit: '2s', duration: __ENV.DURATION || '2h', preAllocatedVUs: 50, maxVUs: 200 },
  },
  summaryTrendStats,
  thresholds: thresholds({ 'scan-in': [100, 250], 'scan-out': [100, 250] }, rate / 2),
};

export function setup() {
  return { venues: registerVenues(Number(__ENV.VENUES || '50'), 'soak') };
}

export default function (data) {
  visit(pick(data.venues), citizen(iteration()));
}

export const handleSummary = summary('soak');
