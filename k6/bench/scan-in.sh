#!/usr/bin/env bash
# scan-in throughput on one instance, against its own ceiling (results: docs/benchmarks.md).
# For group commit on, then off, each on a fresh local stack (memory store, so the function tier is measured):
#   1,000 venues registered, 10,000 citizen tokens minted with the stack's development key;
#   wrk side by side in one process: /warmup (the ceiling) and scan-in with random tokens and codes and a
#   new scanId for every request; then latency at a fixed rate of half the measured maximum;
#   then every acknowledged scan is looked up in the store (count check).
# Environment: DURATION (15s), WARMUP (5s), CONNECTIONS (32), THREADS (2), VENUES (1000), CITIZENS (10000),
# MODES ("on off"), SKIP_BUILD=1 to reuse the last build, JAVA_HOME to run the functions on another JVM.
set -euo pipefail
cd "$(dirname "$0")/../.."
source k6/bench/lib.sh
prepare
export CONNECTIONS=${CONNECTIONS:-32}
LUA=k6/bench/scan.lua

# scan_wrk NAME [RATE]: runs scan-in under wrk; prints a table row; adds the acknowledged scans to ACKED.
scan_wrk() {
  local name=$1 rate=${2:-0} out
  out=$(RATE=$rate wrk -t"${THREADS:-2}" -c"$CONNECTIONS" -d"${DURATION:-15s}" --latency -s "$LUA" "$BASE/scan-in")
  RATE_MEASURED=$(awk '/^Requests\/sec:/{print $2}' <<<"$out")
  local ack; ack=$(grep '^ACK' <<<"$out")
  local recorded failed
  recorded=$(sed -E 's/.*recorded=([0-9]+).*/\1/' <<<"$ack")
  failed=$(sed -E 's/.*failed=([0-9]+).*/\1/' <<<"$ack")
  ACKED=$((ACKED + recorded)); FAILED=$((FAILED + failed))
  printf '%-28s %12s %10s %10s %8s\n' "$name" "$RATE_MEASURED" "$(awk '$1=="50%"{print $2}' <<<"$out")" \
    "$(awk '$1=="99%"{print $2}' <<<"$out")" "$failed"
}

for mode in ${MODES:-on off}; do
  echo "== group commit $mode (wrk -t${THREADS:-2} -c$CONNECTIONS -d${DURATION:-15s})"
  if [[ $mode == off ]]; then export CHECKIN_SCAN_GROUP_COMMIT_ENABLED=false; else unset CHECKIN_SCAN_GROUP_COMMIT_ENABLED; fi
  start_stack
  store=$(grep -o 'mongodb://[0-9.:]*' "$BENCH_DIR/stack.log" | head -1)
  python3 - "$BASE" "$TOKEN_venue_manager" "${VENUES:-1000}" > "$BENCH_DIR/codes.txt" <<'PY'
import json, sys, urllib.request
base, token, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
body = json.dumps({"venues": [{"name": f"Bench venue {i}", "address": f"{i} Load Street", "region": "bench"}
                              for i in range(count)]}).encode()
request = urllib.request.Request(base + "/register-venues", body,
                                 {"Authorization": "Bearer " + token, "Content-Type": "application/json"})
for venue in json.load(urllib.request.urlopen(request))["venues"]:
    print(venue["entry"]["token"])
PY
  CHECKIN_DATA_DIR="$BENCH_DIR" LOCAL_STACK_SKIP_BUILD=1 ./local-stack tokens citizen "${CITIZENS:-10000}" bench \
    > "$BENCH_DIR/tokens.txt"
  export TOKENS_FILE="$BENCH_DIR/tokens.txt" CODES_FILE="$BENCH_DIR/codes.txt" ACK_DIR="$BENCH_DIR/acks"
  mkdir -p "$ACK_DIR"
  echo "venues: $(wc -l < "$CODES_FILE"), citizen tokens: $(wc -l < "$TOKENS_FILE")"
  ACKED=0; FAILED=0
  warm_wrk /warmup "" ""
  DURATION=${WARMUP:-5s} scan_wrk "(warm-up, not counted)" > /dev/null
  printf '%-28s %12s %10s %10s %8s\n' "target" "requests/s" "p50" "p99" "non-2xx"
  run_wrk "warmup (ceiling)" /warmup "" ""; ceiling=$RATE
  scan_wrk "scan-in (max)"; max=$RATE_MEASURED
  half=$(python3 -c "print(int(float('$max') / 2))")
  scan_wrk "scan-in paced at $half/s" "$half"
  stored=$(CHECKIN_DATA_DIR="$BENCH_DIR" LOCAL_STACK_SKIP_BUILD=1 ./local-stack count-scans "$store")
  python3 - "$max" "$ceiling" "$FAILED" <<'PY'
import sys
rate, ceiling, failed = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
print(f"scan-in / ceiling: {rate / ceiling:.2f}   (target >= 0.60: {'met' if rate / ceiling >= 0.6 else 'NOT met'})")
print(f"scans/s: {rate:.0f}   (target >= 13300 on one instance: {'met' if rate >= 13300 else 'NOT met'}); "
      f"failed requests: {failed}")
PY
  echo "scan events in the store: $stored (acknowledged ones, plus those in flight when wrk stopped)"
  CHECKIN_DATA_DIR="$BENCH_DIR" LOCAL_STACK_SKIP_BUILD=1 ./local-stack check-scans "$store" bench "$ACK_DIR"/ack-*.txt
  stop_stack
  trap - EXIT
  echo
done
