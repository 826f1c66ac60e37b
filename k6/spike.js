// Spike: the reference burst shape, from near zero to the peak within seconds, held, then gone: people
// arriving (entry scans). The reference peak is 13,300 scans/s; SCALE shrinks it for a smaller
// deployment or a laptop.
//   SCALE [0.05]      share of the reference peak (1 = 13,300 scans/s)
//   QUIET [30s]       the near-zero load before the burst (1 scan/s)
//   RAMP [10s]        from near zero to the peak, and from the peak to zero at the end
//   HOLD [2m]         how long the peak lasts
//   VENUES [200]      venues registered in setup()
import { citizen, iteration, pick, registerVenues, scan, summary, summaryTrendStats, thresholds } from './lib/checkin.js';

const peak = Math.max(1, Math.round(13300 * Number(__ENV.SCALE || '0.05')));
const ramp = __ENV.RAMP || '10s';

export const options = {
  scenarios: {
    burst: {
      executor: 'ramping-arrival-rate',
      startRate: 1,
      timeUnit: '1s',
      // VUs to hold the peak while answers take up to a second (the p99 limit CI judges by), a quarter of them
      // started before the run: k6 starting VUs mid-burst, not the system, dropped iterations on a busy machine
      preAllocatedVUs: Math.min(1000, Math.max(20, Math.round(peak / 4))),
      maxVUs: Math.max(100, peak),
      stages: [
        { target: 1, duration: __ENV.QUIET || '30s' },
        { target: peak, duration: ramp },
        { target: peak, duration: __ENV.HOLD || '2m' },
        { target: 0, duration: ramp },
      ],
    },
  },
  summaryTrendStats,
  thresholds: thresholds({ 'scan-in': [250, 1000] }, peak),
};

export function setup() {
  return { venues: registerVenues(Number(__ENV.VENUES || '200'), 'spike') };
}

export default function (data) {
  scan('IN', pick(data.venues).entry, citizen(iteration()));
}

export const handleSummary = summary('spike');
