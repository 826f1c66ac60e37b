// One step of k6/bench/steps.sh, and the half-rate run of k6/bench/scan-in.sh: scan-in at a constant arrival rate
// (RATE requests/s for DURATION), each request a random person's token (TOKENS_FILE, a token a line) and a random
// venue's entry code (CODES_FILE, a code a line), with a new scanId. A constant arrival rate keeps sending while
// answers are slow, so a queue shows in the latency instead of slowing the sender down, as it would with a fixed
// number of connections.
// NO_BODY=1 sends the token alone (the authenticated no-op, /warmup, which takes no body: the control of scan-in.sh);
// the body is made all the same, so that k6 does the same work for each request as for a scan.
// STATS (med,p(99)) names the latency statistics of the summary, e.g. med,p(99),p(99.9),max.
import http from 'k6/http';
import { SharedArray } from 'k6/data';

const lines = (file) => open(file).split('\n').filter((line) => line.length > 0);
const tokens = new SharedArray('tokens', () => lines(__ENV.TOKENS_FILE));
const codes = new SharedArray('codes', () => lines(__ENV.CODES_FILE));

export const options = {
  scenarios: {
    step: {
      executor: 'constant-arrival-rate', rate: Number(__ENV.RATE), timeUnit: '1s', duration: __ENV.DURATION || '20s',
      preAllocatedVUs: Number(__ENV.VUS || '100'), maxVUs: Number(__ENV.MAX_VUS || '1000'),
    },
  },
  summaryTrendStats: (__ENV.STATS || 'med,p(99)').split(','),
  discardResponseBodies: true,
};

export default function () {
  const token = tokens[Math.floor(Math.random() * tokens.length)];
  const code = codes[Math.floor(Math.random() * codes.length)];
  const body = JSON.stringify({ code, scanId: crypto.randomUUID() });
  const headers = { Authorization: `Bearer ${token}` };
  if (!__ENV.NO_BODY) {
    headers['Content-Type'] = 'application/json';
  }
  http.post(__ENV.URL, __ENV.NO_BODY ? null : body, { headers });
}
