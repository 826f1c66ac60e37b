// Spike: the reference burst shape, from near zero to the peak within seconds, held, then gone. The
// reference peak is 13,300 scans/s; SCALE shrinks it for a smaller deployment or a laptop.
//   SCALE [0.05]      share of the reference peak (1 = 13,300 scans/s)
//   HOLD [2m]         how long the peak lasts
//   VENUES [200]      venues registered in setup()
import { citizens, pick, registerVenues, scan, summary, thresholds } from './lib/checkin.js';

const peak = Math.max(1, Math.round(13300 * Number(__ENV.SCALE || '0.05')));
const hold = __ENV.HOLD || '2m';

export const options = {
  scenarios: {
    burst: {
      executor: 'ramping-arrival-rate',
      startRate: 1,
      timeUnit: '1s',
      preAllocatedVUs: Math.min(1000, Math.max(20, Math.round(peak / 20))),
      maxVUs: Math.max(100, Math.round(peak / 2)),
      stages: [
        { target: 1, duration: '30s' },
        { target: peak, duration: '10s' },
        { target: peak, duration: hold },
        { target: 0, duration: '10s' },
      ],
    },
  },
  thresholds: thresholds(['scan-in'], 250, 1000),
};

export function setup() {
  return { venues: registerVenues(Number(__ENV.VENUES || '200'), 'spike') };
}

export default function (data) {
  scan('IN', pick(data.venues).entry, pick(citizens));
}

export const handleSummary = summary('spike');
