// Load: a steady arrival rate across the functions in the proportions of real traffic (scans dominate:
// each visit is an entry and an exit; a few history reads; a trickle of venue registrations).
//   RATE [200]        scans/s (entries + exits) at the steady state: RATE / 2 visits a second
//   DURATION [5m]     how long
//   VENUES [50]       venues registered in setup()
import {
  citizen, iteration, myVisits, pick, registerVenue, registerVenues, summary, summaryTrendStats, thresholds, visit,
} from './lib/checkin.js';

const rate = Number(__ENV.RATE || '200');
const duration = __ENV.DURATION || '5m';

export const options = {
  scenarios: {
    // RATE visits every 2 s: RATE scans a second
    visits: { executor: 'constant-arrival-rate', rate, timeUnit: '2s', duration, preAllocatedVUs: 50, maxVUs: 500, exec: 'visits' },
    // starts 5 s later, and reads person n after the visits scenario has had person n visit
    history: { executor: 'constant-arrival-rate', rate: Math.max(1, Math.round(rate / 100)), timeUnit: '1s', duration, startTime: '5s', preAllocatedVUs: 5, maxVUs: 50, exec: 'history' },
    onboarding: { executor: 'constant-arrival-rate', rate: 1, timeUnit: '1s', duration, preAllocatedVUs: 2, maxVUs: 10, exec: 'onboarding' },
  },
  summaryTrendStats,
  thresholds: thresholds({
    'scan-in': [100, 250], 'scan-out': [100, 250], 'query-history': [500, 1000], 'generate-code': [1000, 2000],
  }, rate / 2 + Math.max(1, Math.round(rate / 100)) + 1),
};

export function setup() {
  return { venues: registerVenues(Number(__ENV.VENUES || '50'), 'load') };
}

export function visits(data) {
  visit(pick(data.venues), citizen(iteration()));
}

export function history() {
  myVisits(citizen(iteration()), true);
}

export function onboarding() {
  registerVenue(`Load venue ${Date.now()}`);
}

export const handleSummary = summary('load');
