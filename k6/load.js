// Load: a steady arrival rate across the functions in the proportions of real traffic (scans dominate:
// each visit is an entry and an exit; a few history reads; a trickle of venue registrations).
//   RATE [200]        scans/s (entries + exits) at the steady state
//   DURATION [5m]     how long
//   VENUES [50]       venues registered in setup()
import {
  citizens, myVisits, pick, registerVenue, registerVenues, scan, summary, thresholds,
} from './lib/checkin.js';

const rate = Number(__ENV.RATE || '200');
const duration = __ENV.DURATION || '5m';

export const options = {
  scenarios: {
    scans: { executor: 'constant-arrival-rate', rate, timeUnit: '1s', duration, preAllocatedVUs: 50, maxVUs: 500, exec: 'scans' },
    history: { executor: 'constant-arrival-rate', rate: Math.max(1, Math.round(rate / 100)), timeUnit: '1s', duration, preAllocatedVUs: 5, maxVUs: 50, exec: 'history' },
    onboarding: { executor: 'constant-arrival-rate', rate: 1, timeUnit: '1s', duration, preAllocatedVUs: 2, maxVUs: 10, exec: 'onboarding' },
  },
  thresholds: thresholds(['scan-in', 'scan-out'], 100, 250),
};

export function setup() {
  return { venues: registerVenues(Number(__ENV.VENUES || '50'), 'load') };
}

export function scans(data) {
  const venue = pick(data.venues);
  scan(Math.random() < 0.5 ? 'IN' : 'OUT', Math.random() < 0.5 ? venue.entry : venue.exit, pick(citizens));
}

export function history() {
  myVisits(pick(citizens));
}

export function onboarding() {
  registerVenue(`Load venue ${Date.now()}`);
}

export const handleSummary = summary('load');
