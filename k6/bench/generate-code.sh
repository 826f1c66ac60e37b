#!/usr/bin/env bash
# Venue codes generated per second on one instance, SVG and PNG separately (results: docs/benchmarks.md).
#  1. in-process, one thread: signing alone, and signing plus each rendering;
#  2. over HTTP on the local stack (memory store), with wrk, side by side in one run: /warmup (the
#     ceiling: no business logic) and venue-codes asking for SVG, PNG or the poster (2 codes a request).
# Environment: DURATION (15s), WARMUP (5s, unmeasured, per target), CONNECTIONS (32), THREADS (2),
# SKIP_BUILD=1 to reuse the last build, JAVA_HOME to run the functions on another JVM.
set -euo pipefail
cd "$(dirname "$0")/../.."
source k6/bench/lib.sh
prepare

echo "== in-process, one thread"
./mvnw -B -q -pl functions/generate-code exec:java@code-bench

echo
echo "== over HTTP, one instance (wrk -t${THREADS:-2} -c${CONNECTIONS:-32} -d${DURATION:-15s})"
start_stack
venue=$(curl -sf -H "Authorization: Bearer $TOKEN_venue_manager" -H 'Content-Type: application/json' \
  -d '{"name":"Benchmark Hall","address":"1 Load Street","region":"bench","formats":[]}' "$BASE/register-venue" \
  | python3 -c 'import json,sys; print(json.load(sys.stdin)["venue"]["venueId"])')
warm_wrk /warmup "" ""
for format in svg png poster; do
  warm_wrk /venue-codes "{\"venueId\":\"$venue\",\"formats\":[\"$format\"]}" "$TOKEN_venue_manager"
done
printf '%-22s %12s %10s %10s %8s\n' "target" "requests/s" "p50" "p99" "non-2xx"
run_wrk "warmup (ceiling)" /warmup "" ""; ceiling=$RATE
declare -A rates
for format in svg png poster; do
  run_wrk "venue-codes $format" /venue-codes "{\"venueId\":\"$venue\",\"formats\":[\"$format\"]}" "$TOKEN_venue_manager"
  rates[$format]=$RATE
done
echo
printf '%-22s %12s %16s\n' "format" "codes/s" "ratio to ceiling"
for format in svg png poster; do
  python3 - "$format" "${rates[$format]}" "$ceiling" <<'PY'
import sys
fmt, rate, ceiling = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
print(f"{fmt:<22} {2 * rate:12.0f} {rate / ceiling:16.2f}")
PY
done
python3 -c "import sys; r=2*float(sys.argv[1]); print('target: >= 1700 SVG codes/s on one instance ->', 'met' if r >= 1700 else 'NOT met', f'({r:.0f})')" "${rates[svg]}"
