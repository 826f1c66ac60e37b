#!/usr/bin/env bash
# Every function side by side on one instance, in one run (results: docs/benchmarks.md):
#  1. throughput: the local stack (memory store) under wrk: /warmup (the ceiling) and each function, with
#     requests/s, ratio to the ceiling, p50/p99, non-2xx, and the process's resident memory after each;
#  2. start-up: each function's own application, process start to its first successful answer (ready: it can
#     answer), in default JVM mode and with AppCDS, and where JAVA_AOT_HOME names a JDK 25, on that
#     JDK without and with its AOT cache (trained by one start);
#  3. footprint: per function, its package (MiB of lib/, jars), the classes it loads up to its first ready answer,
#     and its resident memory at -Xmx256m (a pod's heap) after 10 s idle and after 10 s of wrk on its own call.
# History queries run with 8 connections, the function's bulkhead: more are answered 429 at once, by design.
# Environment: DURATION (10s), WARMUP (3s), CONNECTIONS (32), THREADS (2), STARTS (3, per mode and function),
# JAVA_OPTS (-Xmx512m, for the stack), SKIP_BUILD=1 to reuse the last build, SKIP_APPCDS=1, JAVA_AOT_HOME,
# BASELINE_DIR (another built checkout whose functions' footprint is measured beside these).
set -euo pipefail
cd "$(dirname "$0")/../.."
source k6/bench/lib.sh
prepare
export DURATION=${DURATION:-10s} WARMUP=${WARMUP:-3s} JAVA_OPTS=${JAVA_OPTS:--Xmx512m}

rss() { awk '/VmRSS/{printf "%d MiB", $2 / 1024}' "/proc/$1/status"; }

echo "== throughput, one instance (wrk -t${THREADS:-2} -c${CONNECTIONS:-32} -d$DURATION)"
start_stack
pid=$STACK_PID  # the script execs java, so this is the application's own process
store=$(grep -o 'mongodb://[0-9.:]*' "$BENCH_DIR/stack.log" | head -1)
venue_json=$(curl -sf -H "Authorization: Bearer $TOKEN_venue_manager" -H 'Content-Type: application/json' \
  -d '{"name":"Bench hall","address":"1 Bench Street","region":"bench","formats":[]}' "$BASE/register-venue")
venue=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["venue"]["venueId"])' "$venue_json")
entry=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["entry"]["token"])' "$venue_json")
exit_code=$(python3 -c 'import json,sys; print(json.loads(sys.argv[1])["exit"]["token"])' "$venue_json")
CHECKIN_DATA_DIR="$BENCH_DIR" LOCAL_STACK_SKIP_BUILD=1 ./local-stack tokens citizen 2000 bench > "$BENCH_DIR/tokens.txt"
echo "$entry" > "$BENCH_DIR/entry.txt"
echo "$exit_code" > "$BENCH_DIR/exit.txt"
mkdir -p "$BENCH_DIR/acks"
official=$TOKEN_health_official
citizen=$(head -1 "$BENCH_DIR/tokens.txt")
# a little history to read: the first citizen visits the venue
curl -sf -o /dev/null -H "Authorization: Bearer $citizen" -H 'Content-Type: application/json' \
  -d "{\"code\":\"$entry\",\"scanId\":\"$(python3 -c 'import uuid; print(uuid.uuid4())')\"}" "$BASE/scan-in"

declare -A rates
row() { # NAME PATH BODY TOKEN
  warm_wrk "$2" "$3" "$4"
  run_wrk "$1" "$2" "$3" "$4" > "$BENCH_DIR/row.txt"  # not in a subshell: run_wrk sets RATE
  rates[$1]=$RATE
  printf '%s %10s\n' "$(cat "$BENCH_DIR/row.txt")" "$(rss "$pid")"
}
scans_row() { # NAME PATH CODES_FILE
  local out
  TOKENS_FILE="$BENCH_DIR/tokens.txt" CODES_FILE="$3" ACK_DIR="$BENCH_DIR/acks" SCAN_PATH="$2" \
    wrk -t"${THREADS:-2}" -c"${CONNECTIONS:-32}" -d"$WARMUP" -s k6/bench/scan.lua "$BASE$2" > /dev/null
  out=$(TOKENS_FILE="$BENCH_DIR/tokens.txt" CODES_FILE="$3" ACK_DIR="$BENCH_DIR/acks" SCAN_PATH="$2" \
    wrk -t"${THREADS:-2}" -c"${CONNECTIONS:-32}" -d"$DURATION" --latency -s k6/bench/scan.lua "$BASE$2")
  rates[$1]=$(awk '/^Requests\/sec:/{print $2}' <<<"$out")
  printf '%-22s %12s %10s %10s %8s %10s\n' "$1" "${rates[$1]}" "$(awk '$1=="50%"{print $2}' <<<"$out")" \
    "$(awk '$1=="99%"{print $2}' <<<"$out")" "$(grep -o 'failed=[0-9]*' <<<"$out" | cut -d= -f2)" "$(rss "$pid")"
}
printf '%-22s %12s %10s %10s %8s %10s\n' "target" "requests/s" "p50" "p99" "non-2xx" "RSS after"
row "warmup (ceiling)" /warmup "" ""
row "generate-code" /venue-codes "{\"venueId\":\"$venue\",\"formats\":[\"svg\"]}" "$TOKEN_venue_manager"
# history first: the embedded store has no indexes, so its reads slow down as the scan runs fill it
CONNECTIONS=8 row "my-visits" /my-visits '{}' "$citizen"
CONNECTIONS=8 row "venue-visitors" /venue-visitors "{\"venueId\":\"$venue\"}" "$official"
CONNECTIONS=8 row "contacts" /contacts '{"subject":"bench-0"}' "$official"
scans_row "scan-in" /scan-in "$BENCH_DIR/entry.txt"
scans_row "scan-out" /scan-out "$BENCH_DIR/exit.txt"
echo
for name in generate-code my-visits venue-visitors contacts scan-in scan-out; do
  python3 -c "import sys; print(f'{sys.argv[1]:<22} ratio to ceiling {float(sys.argv[2]) / float(sys.argv[3]):.2f}')" \
    "$name" "${rates[$name]}" "${rates["warmup (ceiling)"]}"
done

echo
echo "== start-up: process start to the first successful answer (median of ${STARTS:-3}), on the stack's store"
KEYS="$BENCH_DIR/keys"
FUNCTIONS=(generate-code scan-in scan-out query-history)
if [[ "${SKIP_APPCDS:-}" != "1" ]]; then
  ./mvnw -B -q package -DskipTests -Dquarkus.package.jar.appcds.enabled=true \
    -pl "$(printf 'functions/%s,' "${FUNCTIONS[@]}" | sed 's/,$//')" > "$BENCH_DIR/appcds.log" 2>&1 \
    || echo "(AppCDS build failed: see $BENCH_DIR/appcds.log)"
fi


# start_once APP_DIR MODE: prints the milliseconds from launch to a ready answer, or "failed"
start_once() {
  launch "$1" "$2"
  echo "$READY_MS"
  [[ "$READY_MS" == failed ]] || stop_app
}
median() { python3 -c 'import statistics,sys; v=[int(x) for x in sys.argv[1:] if x.isdigit()]; print(f"{statistics.median(v):.0f} ms" if v else "failed")' "$@"; }

modes=(default)
[[ "${SKIP_APPCDS:-}" != "1" ]] && modes+=(appcds)
[[ -n "${JAVA_AOT_HOME:-}" ]] && modes+=(jdk25 aot)
printf '%-16s' "function"; printf '%14s' "${modes[@]}"; echo
for fn in "${FUNCTIONS[@]}"; do
  app="functions/$fn/target/quarkus-app"
  [[ -n "${JAVA_AOT_HOME:-}" ]] && start_once "$app" aot-train > /dev/null
  printf '%-16s' "$fn"
  for mode in "${modes[@]}"; do
    times=()
    for _ in $(seq 1 "${STARTS:-3}"); do times+=("$(start_once "$app" "$mode")"); done
    printf '%14s' "$(median "${times[@]}")"
  done
  echo
done

echo
echo "== footprint: what each function carries and loads, and its resident memory (OpenJDK 17, -Xmx256m as a pod)"
# loaded classes: -Xlog:class+load lines up to the first ready answer; RSS after 10 s idle, then after 10 s of
# wrk on the function's own call (the same calls as the throughput rows above)
load_fn() { # FUNCTION PORT: 10 s of wrk on the function's own call
  local base="http://127.0.0.1:$2"
  case $1 in
    scan-in|scan-out)
      local codes="$BENCH_DIR/entry.txt"; [[ $1 == scan-out ]] && codes="$BENCH_DIR/exit.txt"
      TOKENS_FILE="$BENCH_DIR/tokens.txt" CODES_FILE="$codes" ACK_DIR="$BENCH_DIR/acks" SCAN_PATH="/$1" \
        wrk -t"${THREADS:-2}" -c"${CONNECTIONS:-32}" -d10s -s k6/bench/scan.lua "$base/$1" > /dev/null ;;
    generate-code) BODY="{\"venueId\":\"$venue\",\"formats\":[\"svg\"]}" TOKEN="$TOKEN_venue_manager" \
        wrk -t"${THREADS:-2}" -c"${CONNECTIONS:-32}" -d10s -s k6/bench/post.lua "$base/venue-codes" > /dev/null ;;
    query-history) BODY='{}' TOKEN="$citizen" wrk -t"${THREADS:-2}" -c8 -d10s -s k6/bench/post.lua "$base/my-visits" > /dev/null ;;
  esac
}
printf '%-24s %8s %6s %16s %10s %12s %12s\n' function "lib/ MiB" jars "classes loaded" "ready" "RSS idle" "RSS load"
footprint_rows=()
for fn in "${FUNCTIONS[@]}"; do
  footprint_rows+=("$fn=functions/$fn/target/quarkus-app")
  # BASELINE_DIR: another checkout of the project, built (for example the commit before the module split), whose
  # packaged functions are measured beside these, in the same run
  if [[ -n "${BASELINE_DIR:-}" && -d "$BASELINE_DIR/functions/$fn/target/quarkus-app" ]]; then
    footprint_rows+=("$fn (baseline)=$BASELINE_DIR/functions/$fn/target/quarkus-app")
  fi
done
for row in "${footprint_rows[@]}"; do
  name=${row%%=*} app=${row#*=} fn=${row%%=*}; fn=${fn%% *}
  mib=$(du -sm "$app/lib" | cut -f1)
  jars=$(find "$app/lib" -name '*.jar' | wc -l)
  launch "$app" default -Xmx256m -Xlog:class+load:file="$BENCH_DIR/classes.txt"
  if [[ "$READY_MS" == failed ]]; then printf '%-16s failed to start\n' "$name"; continue; fi
  classes=$(wc -l < "$BENCH_DIR/classes.txt")
  sleep 10; idle=$(rss "$APP_PID")
  load_fn "$fn" "$APP_PORT"; loaded=$(rss "$APP_PID")
  stop_app
  printf '%-24s %8s %6s %16s %10s %12s %12s\n' "$name" "$mib" "$jars" "$classes" "$READY_MS ms" "$idle" "$loaded"
done
