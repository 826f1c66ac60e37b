// Smoke: every function once, every check. Run it first against any deployment.
//   k6 run k6/smoke.js   (environment: see lib/checkin.js; MANAGER_TOKEN, OFFICIAL_TOKEN and CITIZEN_TOKENS needed)
import { check } from 'k6';
import {
  citizens, contacts, myVisits, registerVenue, scan, summary, thresholds, urls, venueVisitors, warmup,
} from './lib/checkin.js';

export const options = {
  vus: 1,
  iterations: 1,
  thresholds: thresholds(['generate-code', 'scan-in', 'scan-out', 'query-history', 'warmup'], 2000, 5000),
};

export default function () {
  for (const url of new Set(Object.values(urls))) {
    warmup(url);
  }
  const venue = registerVenue('Smoke test venue');
  check(venue, { 'venue has an id': (r) => r.status === 200 && !!r.json('venue.venueId') });
  const citizen = citizens[0];
  scan('IN', venue.json('entry.url'), citizen);
  scan('OUT', venue.json('exit.url'), citizen);
  myVisits(citizen);
  venueVisitors(venue.json('venue.venueId'));
  contacts('k6-0');
}

export const handleSummary = summary('smoke');
