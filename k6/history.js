// History: health officials' queries while scans run, to see that slow reads do not slow scanning (the
// functions are separate, and query-history has a bulkhead: overload answers 429 at once).
// setup() first records known visits, as phones send scans kept offline (with `clientAt`): for each case,
// the case and one other person at the same venue, overlapping by 30 minutes, two to three hours ago.
// The officials then ask for those venues' visitors and those cases' contacts, and check the answers.
//   SCAN_RATE [200]       scans/s in the background (entries + exits of visits happening now)
//   QUERY_RATE [5]        official queries/s (venue visitors and contacts, alternating)
//   QUERIES_AFTER [20s]   when the queries start, after the scans
//   DURATION [3m]         how long each runs
//   CASES [5]             cases recorded in setup(): they and their contacts are the first 2 x CASES citizens
//   VENUES [20]           venues registered in setup()
import { check } from 'k6';
import {
  citizen, citizens, contacts, iteration, pick, registerVenues, subjectOf, summary, summaryTrendStats, thresholds,
  venueVisitors, visit,
} from './lib/checkin.js';

const duration = __ENV.DURATION || '3m';
const cases = Number(__ENV.CASES || '5');
const scanRate = Number(__ENV.SCAN_RATE || '200');
const queryRate = Number(__ENV.QUERY_RATE || '5');

export const options = {
  scenarios: {
    // SCAN_RATE visits every 2 s: SCAN_RATE scans a second
    scans: { executor: 'constant-arrival-rate', rate: scanRate, timeUnit: '2s', duration, preAllocatedVUs: 50, maxVUs: 500, exec: 'scans' },
    officials: { executor: 'constant-arrival-rate', rate: queryRate, timeUnit: '1s', duration, preAllocatedVUs: 5, maxVUs: 50, exec: 'officials', startTime: __ENV.QUERIES_AFTER || '20s' },
  },
  summaryTrendStats,
  thresholds: thresholds({ 'scan-in': [100, 250], 'scan-out': [100, 250], 'query-history': [2000, 5000] },
    scanRate / 2 + queryRate),
};

const minute = 60 * 1000;

export function setup() {
  const venues = registerVenues(Number(__ENV.VENUES || '20'), 'history');
  const now = Date.now();
  const known = [];
  for (let c = 0; c < cases; c++) {
    const venue = venues[c % venues.length];
    const [person, other] = [citizen(2 * c), citizen(2 * c + 1)];
    visit(venue, person, new Date(now - 180 * minute), new Date(now - 120 * minute));
    visit(venue, other, new Date(now - 150 * minute), new Date(now - 90 * minute));
    known.push({ venueId: venue.id, subject: subjectOf(person), contact: subjectOf(other) });
  }
  // the venues' visits happening now come first in an answer: ask for the hours of the recorded ones
  const window = { from: new Date(now - 240 * minute).toISOString(), to: new Date(now - 60 * minute).toISOString() };
  return { venues, known, window };
}

export function scans(data) {
  // everyone but the cases and their contacts, whose recorded visits stay the only ones they have
  visit(pick(data.venues), citizen(2 * cases + (iteration() % (citizens.length - 2 * cases))));
}

export function officials(data) {
  const known = data.known[iteration() % data.known.length];
  if (iteration() % 2 === 0) {
    check(venueVisitors(known.venueId, data.window), {
      'venue-visitors lists the recorded visits': (r) => r.status === 200
        && [known.subject, known.contact].every((s) => r.json('visits').some((v) => v.userSub === s)),
    });
  } else {
    check(contacts(known.subject), {
      'contacts finds the recorded contact': (r) => r.status === 200
        && r.json('contacts').some((c) => c.userSub === known.contact && c.totalOverlapMinutes >= 30),
    });
  }
}

export const handleSummary = summary('history');
