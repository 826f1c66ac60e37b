// Smoke: every function once, every check. Run it first against any deployment.
//   k6 run k6/smoke.js   (environment: see lib/checkin.js; MANAGER_TOKEN, OFFICIAL_TOKEN and CITIZEN_TOKENS needed)
import { check } from 'k6';
import {
  citizens, contacts, myVisits, registerVenue, subjectOf, summary, summaryTrendStats, thresholds, urls,
  venueVisitors, visit, warmup,
} from './lib/checkin.js';

export const options = {
  vus: 1,
  iterations: 1,
  summaryTrendStats,
  // one request each: the limits are wide, a first call to a cold function included
  thresholds: thresholds(Object.fromEntries(
    ['generate-code', 'scan-in', 'scan-out', 'query-history', 'warmup'].map((fn) => [fn, [2000, 5000]]),
  )),
};

export default function () {
  for (const url of new Set(Object.values(urls))) {
    warmup(url);
  }
  const registered = registerVenue('Smoke test venue');
  check(registered, { 'venue has an id': (r) => r.status === 200 && !!r.json('venue.venueId') });
  if (registered.status !== 200) {
    return;
  }
  const venue = { id: registered.json('venue.venueId'), entry: registered.json('entry.url'), exit: registered.json('exit.url') };
  const citizen = citizens[0];
  visit(venue, citizen);
  myVisits(citizen, true);
  const visitors = venueVisitors(venue.id);
  check(visitors, {
    'venue-visitors lists the visit': (r) => r.status === 200
      && r.json('visits').some((v) => v.userSub === subjectOf(citizen)),
  });
  contacts(subjectOf(citizen));
}

export const handleSummary = summary('smoke');
