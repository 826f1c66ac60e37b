#!/usr/bin/env bash
# Latency of the history queries on one instance (results: docs/benchmarks.md): a person's history with
# 1,000 scans, a venue's visitors and the contacts of a case over 10,000 scans at one venue, on the local
# stack's embedded store, which has no secondary indexes (every query scans the collection; MongoDB uses
# the {userSub, at} and {venueId, at} indexes). Reads are measured with hey, sequential and 4 at a time.
# Environment: REQUESTS (200), EVENTS (1000), CROWD (5000), SKIP_BUILD=1, JAVA_HOME.
set -euo pipefail
cd "$(dirname "$0")/../.."
source k6/bench/lib.sh
prepare
command -v hey >/dev/null 2>&1 || { echo "hey is needed: apt-get install -y hey" >&2; exit 1; }
start_stack
crowd=${CROWD:-5000}
CHECKIN_DATA_DIR="$BENCH_DIR" LOCAL_STACK_SKIP_BUILD=1 ./local-stack tokens citizen $((crowd + 1)) history \
  > "$BENCH_DIR/tokens.txt"
official=$TOKEN_health_official
regular=$(head -1 "$BENCH_DIR/tokens.txt")
echo "seeding ${EVENTS:-1000} scans of one person and $((2 * crowd)) scans at one venue..."
venue=$(python3 k6/bench/seed_history.py "$BASE" "$TOKEN_venue_manager" "$BENCH_DIR/tokens.txt" "${EVENTS:-1000}" "$crowd")

# measure NAME CONCURRENCY PATH TOKEN BODY: one row with requests/s, p50 and p99 in milliseconds.
measure() {
  hey -n "${REQUESTS:-200}" -c "$2" -m POST -T application/json -H "Authorization: Bearer $4" -d "$5" "$BASE$3" \
    | python3 -c '
import re, sys
out = sys.stdin.read()
rate = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
pct = dict(re.findall(r"\s(\d+)% in ([\d.]+) secs", out))
codes = " ".join(f"{c}x{n}" for c, n in re.findall(r"\[(\d+)\]\s+(\d+) responses", out))
top = pct.get("99") or pct[max(pct, key=int)]  # hey leaves out percentiles it has no sample for
p50, p99 = float(pct["50"]) * 1000, float(top) * 1000
print(f"{sys.argv[1]:<34} {sys.argv[2]:>3} {rate:10.1f} {p50:10.1f} {p99:10.1f}  {codes}")
' "$1" "$2"
}
printf '%-34s %3s %10s %10s %10s  %s\n' "query" "c" "req/s" "p50 ms" "p99 ms" "statuses"
for c in 1 4; do
  measure "my-visits (1,000 scans, page 50)" $c /my-visits "$regular" '{}'
  measure "venue-visitors (10,000 scans)" $c /venue-visitors "$official" "{\"venueId\":\"$venue\"}"
  measure "contacts (10,000 scans)" $c /contacts "$official" '{"subject":"history-1"}'
done
