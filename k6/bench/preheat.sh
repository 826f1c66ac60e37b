#!/usr/bin/env bash
# The first seconds of a scan function's pod, cold and pre-heated (results: docs/benchmarks.md "Pre-heat", docs/warmup.md).
# For scan-in and scan-out, in one run, each packaged function is started twice against the local stack's store (memory
# store, another process, as the other scripts run it): with the warm-up at start off (cold), then on (pre-heated,
# checkin.warmup.*). From its first ready answer, wrk (THREADS 2, CONNECTIONS 32, scan.lua: a random person's token of
# CITIZENS, a random venue's code of VENUES, a new scanId each) runs WINDOWS consecutive 2-second windows, then STEADY
# seconds unmeasured and one more 2-second window: the pod's steady rate. Printed side by side: requests/s and p99 per
# window, the pre-heated/cold ratio, each first window against its own steady rate, and the time the warm-up added
# before ready.
# Environment: SKIP_BUILD=1 to reuse the last build, WINDOWS (10), STEADY (30), CITIZENS (10000), VENUES (1000),
# FUNCTIONS ("scan-in scan-out"), JVM_OPTS (-Xmx512m), JAVA_HOME for another JVM, and any CHECKIN_WARMUP_* setting for
# the pre-heated pod (CHECKIN_WARMUP_REQUESTS, CHECKIN_WARMUP_CONCURRENCY, CHECKIN_WARMUP_BUDGET).
set -euo pipefail
cd "$(dirname "$0")/../.."
WINDOWS=${WINDOWS:-10} STEADY=${STEADY:-30}
source k6/bench/lib.sh
prepare
export THREADS=${THREADS:-2} CONNECTIONS=${CONNECTIONS:-32}
read -r -a jvm_opts <<<"${JVM_OPTS:--Xmx512m}"
LUA=k6/bench/scan.lua

start_stack
store=$(grep -o 'mongodb://[0-9.:]*' "$BENCH_DIR/stack.log" | head -1)
KEYS="$BENCH_DIR/keys"
python3 - "$BASE" "$TOKEN_venue_manager" "${VENUES:-1000}" "$BENCH_DIR" <<'PY'
import json, sys, urllib.request
base, token, count, folder = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
body = json.dumps({"formats": [], "venues": [{"name": f"Preheat venue {i}", "address": f"{i} Load Street",
                                              "region": "bench"} for i in range(count)]}).encode()
request = urllib.request.Request(base + "/register-venues", body,
                                 {"Authorization": "Bearer " + token, "Content-Type": "application/json"})
venues = json.load(urllib.request.urlopen(request))["venues"]
for direction, name in (("entry", "scan-in"), ("exit", "scan-out")):
    with open(f"{folder}/codes-{name}.txt", "w") as codes:
        codes.writelines(venue[direction]["token"] + "\n" for venue in venues)
PY
CHECKIN_DATA_DIR="$BENCH_DIR" LOCAL_STACK_SKIP_BUILD=1 ./local-stack tokens citizen "${CITIZENS:-10000}" bench \
  > "$BENCH_DIR/tokens.txt"
export TOKENS_FILE="$BENCH_DIR/tokens.txt" ACK_DIR="$BENCH_DIR/acks"
mkdir -p "$ACK_DIR"
trap 'stop_app 2>/dev/null; stop_stack' EXIT

# window FUNCTION SECONDS: one wrk run of scan requests; prints "requests/s p99_ms non_2xx".
window() {
  local out
  out=$(SCAN_PATH="/$1" CODES_FILE="$BENCH_DIR/codes-$1.txt" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2s" --latency \
    -s "$LUA" "http://127.0.0.1:$APP_PORT/$1")
  printf '%s %s %s\n' "$(awk '/^Requests\/sec:/{print $2}' <<<"$out")" \
    "$(awk '$1=="99%"{v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) sub(/ms/,"",v);
       else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; print v}' <<<"$out")" \
    "$(awk '/Non-2xx or 3xx responses:/{print $5}' <<<"$out" | grep . || echo 0)"
}

# pod FUNCTION MODE (cold|preheated): starts it, runs the windows; writes $BENCH_DIR/FUNCTION-MODE.txt.
pod() {
  local function=$1 mode=$2 at_start=false
  [[ $mode == preheated ]] && at_start=true
  CHECKIN_WARMUP_AT_START=$at_start launch "functions/$function/target/quarkus-app" "$mode" "${jvm_opts[@]}"
  [[ "$READY_MS" != failed ]] || { cat "$BENCH_DIR/start-$mode.log"; echo "$function did not start" >&2; exit 1; }
  {
    echo "ready $READY_MS"
    echo "warmup $(grep -o 'Warm-up: .*' "$BENCH_DIR/start-$mode.log" | tail -1 | tr ' ' '_')"
    for ((w = 0; w < WINDOWS; w++)); do echo "window $(window "$function" 2)"; done
    window "$function" "$STEADY" > /dev/null
    echo "steady $(window "$function" 2)"
  } > "$BENCH_DIR/$function-$mode.txt"
  stop_app
}

for function in ${FUNCTIONS:-scan-in scan-out}; do
  pod "$function" cold
  pod "$function" preheated
  python3 - "$function" "$BENCH_DIR/$function-cold.txt" "$BENCH_DIR/$function-preheated.txt" <<'PY'
import sys
function, cold_file, warm_file = sys.argv[1:]
def read(path):
    rows = {"window": []}
    for line in open(path):
        key, *rest = line.split()
        if key == "window":
            rows["window"].append([float(rest[0]), float(rest[1]), int(rest[2])])
        elif key == "steady":
            rows["steady"] = [float(rest[0]), float(rest[1]), int(rest[2])]
        else:
            rows[key] = rest[0] if rest else ""
    return rows
cold, warm = read(cold_file), read(warm_file)
added = int(warm["ready"]) - int(cold["ready"])
print(f"== {function}: ready after {int(cold['ready']):,} ms cold, {int(warm['ready']):,} ms pre-heated "
      f"(the warm-up adds {added:,} ms; {warm['warmup'].replace('_', ' ')})")
print(f"{'window':>12} {'cold req/s':>11} {'p99 ms':>8} {'pre-heated':>11} {'p99 ms':>8} {'ratio':>6} {'non-2xx':>8}")
for i, (c, w) in enumerate(zip(cold["window"], warm["window"])):
    print(f"{f'{2*i}-{2*i+2} s':>12} {c[0]:>11,.0f} {c[1]:>8.1f} {w[0]:>11,.0f} {w[1]:>8.1f} {w[0]/max(c[0], 1):>6.2f} {c[2]+w[2]:>8}")
c, w = cold["steady"], warm["steady"]
print(f"{'steady':>12} {c[0]:>11,.0f} {c[1]:>8.1f} {w[0]:>11,.0f} {w[1]:>8.1f} {w[0]/max(c[0], 1):>6.2f} {c[2]+w[2]:>8}")
first_c, first_w = cold["window"][0], warm["window"][0]
share_c, share_w = first_c[0] / c[0], first_w[0] / w[0]
print(f"first window / own steady rate: cold {share_c:.2f}, pre-heated {share_w:.2f} "
      f"(target >= 0.80: {'met' if share_w >= 0.8 else 'NOT met'}); p99 in it: cold {first_c[1]:.1f} ms, "
      f"pre-heated {first_w[1]:.1f} ms (target <= 50 ms: {'met' if first_w[1] <= 50 else 'NOT met'})")
print()
PY
done
