#!/usr/bin/env bash
# scan-in as its pod runs it, filled to every configured maximum (results: docs/benchmarks.md "Memory"):
#  - the packaged function with the image's JVM options (quarkus.jib.jvm-additional-arguments) and its Knative
#    Service's memory limit as the machine's memory (-XX:MaxRAM), its store the local stack's (another process);
#  - the verified-code and venue-state caches filled by scans of as many venues' entry codes as
#    checkin.codes.verified-cache-size, the scan limit's counts by scans of as many people as
#    checkin.scan.rate-limit.tracked-people (each token and code in turn, SWEEP in scan.lua);
#  - then a store outage (SIGSTOP of the store for STALL seconds) under as many connections as the Service's
#    containerConcurrency (what the queue-proxy lets through to one pod): scans wait in the write queue until the
#    store's circuit breaker opens. The queue's worst case (its capacity, and the batches being written) is counted by
#    the start-up check from ScanMemoryTest's measure; a stopped store does not fill it, since the breaker then fails
#    the waiting scans at once.
# After each step: each structure's entries (its metrics) against its maximum, and the process's resident memory
# against the limit. Venue states are kept 10 s (checkin.codes.venue-status-ttl) and people counted for a minute
# after their last scan, so those two fill only as far as the scan rate over that time reaches. Generating the people's tokens takes a few minutes (one signature each).
# Environment: SKIP_BUILD=1 to reuse the last build, THREADS (2), CONNECTIONS (32, while filling), STALL (8, seconds),
# ROUNDS (30, most 10 s fill rounds).
set -euo pipefail
cd "$(dirname "$0")/../.."
source k6/bench/lib.sh
prepare
export THREADS=${THREADS:-2} CONNECTIONS=${CONNECTIONS:-32}
STALL=${STALL:-8} ROUNDS=${ROUNDS:-30}

app=functions/scan-in/target/quarkus-app
pod_options scan-in
limit_mi=$POD_LIMIT_MI pod_opts=("${POD_OPTS[@]}")
concurrency=$(awk '/containerConcurrency:/{print $2; exit}' knative/11-service-scan-in.yaml)
(( $(ulimit -n) > concurrency + 100 )) || ulimit -n $((concurrency + 1000))
echo "== scan-in as its pod: ${pod_opts[*]}, MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX (the Service's limit: ${limit_mi} MiB)"

start_stack
store=$(grep -o 'mongodb://[0-9.:]*' "$BENCH_DIR/stack.log" | head -1)
KEYS="$BENCH_DIR/keys"
launch "$app" default "${pod_opts[@]}"
[[ "$READY_MS" != failed ]] || { cat "$BENCH_DIR/start-default.log"; echo "scan-in did not start" >&2; exit 1; }
trap 'kill -CONT "$STACK_PID" 2>/dev/null || true; stop_app; stop_stack' EXIT
pid=$APP_PID fn_base="http://127.0.0.1:$APP_PORT"
budget_line=$(grep -o 'Bounded structures: .*' "$BENCH_DIR/start-default.log")
echo "$budget_line"
setting() { grep -o "$1: [0-9]*" <<<"$budget_line" | head -1 | cut -d' ' -f2; }
venues=$(setting checkin.codes.verified-cache-size)
people=$(setting checkin.scan.rate-limit.tracked-people)
queue=$(grep -o 'scans waiting ([0-9]*)' <<<"$budget_line" | tr -dc 0-9)

echo "== registering $venues venues, and $people people's tokens"
python3 - "$BASE" "$TOKEN_venue_manager" "$venues" > "$BENCH_DIR/entry-codes.txt" <<'EOF'
import json, sys, urllib.request
base, token, total = sys.argv[1], sys.argv[2], int(sys.argv[3])
done = 0
while done < total:
    n = min(1000, total - done)
    body = json.dumps({"formats": [], "venues": [{"name": f"Memory {done + i}", "address": "1 Bench Street",
                                                   "region": "bench"} for i in range(n)]}).encode()
    req = urllib.request.Request(base + "/register-venues", body, {"Authorization": "Bearer " + token,
                                                                   "Content-Type": "application/json"})
    for venue in json.load(urllib.request.urlopen(req))["venues"]:
        print(venue["entry"]["token"])
    done += n
EOF
CHECKIN_DATA_DIR="$BENCH_DIR" LOCAL_STACK_SKIP_BUILD=1 ./local-stack tokens citizen "$people" memory > "$BENCH_DIR/people.txt"
mkdir -p "$BENCH_DIR/acks"

metrics() { operator_metrics "$fn_base" || true; }
metric() { # NAME [STRUCTURE] [METRICS]: one metric's value, from METRICS or read now
  awk -v name="$1" -v s="${2:-}" '!found && $1 ~ "^" name && (s == "" || index($1, "structure=\"" s "\"")) {
    found = sprintf("%d", $2) } END {print found}' <<<"${3:-$(metrics)}"
}
report() { # STEP: every structure from one read of the metrics
  local now; now=$(metrics)
  printf '%-34s %16s %16s %16s %14s %10s\n' "$1" \
    "$(metric checkin_memory_entries verified-codes "$now")/$venues" \
    "$(metric checkin_memory_entries venue-states "$now")/$venues" \
    "$(metric checkin_memory_entries people-counted "$now")/$people" \
    "$(metric checkin_scan_queue_size "" "$now")/$queue" "$(mib "$pid" VmRSS)/$limit_mi"
}
printf '%-34s %16s %16s %16s %14s %10s\n' step "verified codes" "venue states" "people counted" "queued scans" "RSS MiB"
sleep 5
report "ready, idle"

sent=0
scan() { # SECONDS CONNECTIONS: wrk on scan-in, going on in the files where the last run stopped; sets SCAN_RATE
  local out
  out=$(TOKENS_FILE="$BENCH_DIR/people.txt" CODES_FILE="$BENCH_DIR/entry-codes.txt" ACK_DIR="$BENCH_DIR/acks" \
    SCAN_PATH=/scan-in SWEEP=1 SWEEP_FROM=$sent wrk -t"$THREADS" -c"$2" -d"$1s" -s k6/bench/scan.lua "$fn_base/scan-in")
  sent=$((sent + $(awk '/requests in/{print $1}' <<<"$out")))
  SCAN_RATE=$(awk '/^Requests\/sec:/{printf "%d/s", $2}' <<<"$out")
}
for round in $(seq 1 "$ROUNDS"); do
  scan 10 "$CONNECTIONS"
  report "fill round $round ($SCAN_RATE)"
  now=$(metrics)
  codes_now=$(metric checkin_memory_entries verified-codes "$now") people_now=$(metric checkin_memory_entries people-counted "$now")
  (( ${codes_now:-0} >= venues * 99 / 100 && ${people_now:-0} >= people * 95 / 100 )) && break
done

# a store outage: the store stops answering while the pod gets all the requests its concurrency allows
kill -STOP "$STACK_PID"
scan "$STALL" "$concurrency" > "$BENCH_DIR/wrk-stall.txt" 2>&1 &
wrk_pid=$!
most_queued=0 most_rss=0
for _ in $(seq 1 $((STALL * 2))); do
  sleep 0.5
  q=$(metric checkin_scan_queue_size || true); r=$(mib "$pid" VmRSS); q=${q:-0}
  (( q > most_queued )) && most_queued=$q
  (( r > most_rss )) && most_rss=$r
done
report "store stopped, $concurrency connections"
kill -CONT "$STACK_PID"
wait "$wrk_pid" || true
echo "during the outage: most scans queued $most_queued/$queue, highest RSS $most_rss/$limit_mi MiB"
sleep 5
report "store back"
kill -0 "$pid" && echo "scan-in still running" || echo "scan-in EXITED (it exits on OutOfMemoryError)"
echo "heap: $(jcmd "$pid" GC.heap_info 2>/dev/null | awk 'NR==2' | sed 's/^ *//')"
