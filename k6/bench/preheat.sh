#!/usr/bin/env bash
# The first seconds of a function's pod, cold and pre-heated (results: docs/benchmarks.md "Pre-heat", docs/warmup.md).
# For scan-in and scan-out (and generate-code in FUNCTIONS: bulk registrations of BULK_VENUES venues, 10, without
# images), in one run, each packaged function is started twice against the local stack's store (memory
# store, another process, as the other scripts run it): with the warm-up at start off (cold), then on (pre-heated,
# checkin.warmup.*). From its first ready answer, wrk (THREADS 2, CONNECTIONS 32, scan.lua: a random person's token of
# CITIZENS, a random venue's code of VENUES, a new scanId each) runs WINDOWS consecutive 2-second windows, then STEADY
# seconds unmeasured and one more 2-second window: the pod's steady rate. Printed side by side: requests/s and p99 per
# window, the pre-heated/cold ratio, each first window against its own steady rate, and the time the warm-up added
# before ready.
# JAVA_AOT_HOME (a JDK 25 or newer) runs every pod on that JDK and adds two pods with the JDK's AOT cache (JEP 483/515),
# trained by one start with the warm-up at start (written when that pod stops): cold-aot and preheated-aot.
# Environment: SKIP_BUILD=1 to reuse the last build, WINDOWS (10), STEADY (30), CITIZENS (10000), VENUES (1000),
# FUNCTIONS ("scan-in scan-out"; generate-code too), BULK_VENUES (10), JVM_OPTS (-Xmx512m), JAVA_HOME for another JVM, JAVA_AOT_HOME, and any
# MODES (the pods to run, of cold, preheated, cold-aot, preheated-aot; all four with JAVA_AOT_HOME, else the first two)
# and any CHECKIN_WARMUP_* setting for the pre-heated pods (CHECKIN_WARMUP_REQUESTS, CHECKIN_WARMUP_CONCURRENCY,
# CHECKIN_WARMUP_BUDGET); LOGS, a folder to keep each pod's log in (FUNCTION-MODE.log, its last line "ready MS"),
# for JVM options that log (JVM_OPTS="-Xmx512m -XX:+PrintCompilation", -Xlog:...).
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
seed_scans
export TOKENS_FILE="$BENCH_DIR/tokens.txt" ACK_DIR="$BENCH_DIR/acks"
mkdir -p "$ACK_DIR"
trap 'stop_app 2>/dev/null; stop_stack' EXIT

# the bulk onboarding generate-code takes in bursts: register-venues with BULK_VENUES new venues, no images
BULK=$(python3 -c 'import json, sys; print(json.dumps({"formats": [], "venues": [{"name": f"Onboarded venue {i}",
  "address": f"{i} Onboarding Street", "region": "bench"} for i in range(int(sys.argv[1]))]}))' "${BULK_VENUES:-10}")

# window FUNCTION SECONDS: one wrk run of the function's requests (scan-in, scan-out: scans; generate-code: bulk
# registrations); prints "requests/s p99_ms non_2xx".
window() {
  local out
  if [[ $1 == generate-code ]]; then
    out=$(BODY="$BULK" TOKEN="$TOKEN_venue_manager" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2s" --latency \
      -s k6/bench/post.lua "http://127.0.0.1:$APP_PORT/register-venues")
  else
    out=$(SCAN_PATH="/$1" CODES_FILE="$BENCH_DIR/codes-$1.txt" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$2s" --latency \
      -s "$LUA" "http://127.0.0.1:$APP_PORT/$1")
  fi
  printf '%s %s %s\n' "$(awk '/^Requests\/sec:/{print $2}' <<<"$out")" \
    "$(awk '$1=="99%"{v=$2; if (v ~ /us$/) {sub(/us/,"",v); v/=1000} else if (v ~ /ms$/) sub(/ms/,"",v);
       else if (v ~ /s$/) {sub(/s/,"",v); v*=1000}; print v}' <<<"$out")" \
    "$(awk '/Non-2xx or 3xx responses:/{print $5}' <<<"$out" | grep . || echo 0)"
}

# pod FUNCTION MODE [JVM options...]: starts it (MODE cold or cold-aot: the warm-up at start off; preheated or
# preheated-aot: on), runs the windows; writes $BENCH_DIR/FUNCTION-MODE.txt.
pod() {
  local function=$1 mode=$2 at_start=false; shift 2
  [[ $mode == preheated* ]] && at_start=true
  CHECKIN_WARMUP_AT_START=$at_start launch "functions/$function/target/quarkus-app" "$mode" "${jvm_opts[@]}" "$@"
  [[ "$READY_MS" != failed ]] || { cat "$BENCH_DIR/start-$mode.log"; echo "$function did not start" >&2; exit 1; }
  {
    echo "ready $READY_MS"
    echo "warmup $(grep -o 'Warm-up: .*' "$BENCH_DIR/start-$mode.log" | grep -v 'throwaway keys' | paste -sd';' | tr ' ' '_')"
    for ((w = 0; w < WINDOWS; w++)); do echo "window $(window "$function" 2)"; done
    window "$function" "$STEADY" > /dev/null
    echo "steady $(window "$function" 2)"
  } > "$BENCH_DIR/$function-$mode.txt"
  stop_app
  if [[ -n "${LOGS:-}" ]]; then
    mkdir -p "$LOGS"; cp "$BENCH_DIR/start-$mode.log" "$LOGS/$function-$mode.log"; echo "ready $READY_MS" >> "$LOGS/$function-$mode.log"
  fi
}

# train FUNCTION: the JDK's AOT cache of one start with the warm-up at start, written when the pod stops.
train() {
  local cache="$BENCH_DIR/$1.aot"
  CHECKIN_WARMUP_AT_START=true launch "functions/$1/target/quarkus-app" aot-training "${jvm_opts[@]}" \
    -XX:AOTCacheOutput="$cache"
  [[ "$READY_MS" != failed ]] || { cat "$BENCH_DIR/start-aot-training.log"; echo "$1 did not start" >&2; exit 1; }
  stop_app
  [[ -f "$cache" ]] || { cat "$BENCH_DIR/start-aot-training.log"; echo "no AOT cache for $1" >&2; exit 1; }
}

modes=(cold preheated)
if [[ -n "${JAVA_AOT_HOME:-}" ]]; then
  export JAVA_HOME=$JAVA_AOT_HOME
  modes+=(cold-aot preheated-aot)
fi
read -r -a modes <<<"${MODES:-${modes[*]}}"
for function in ${FUNCTIONS:-scan-in scan-out}; do
  for mode in "${modes[@]}"; do
    if [[ $mode == *-aot ]]; then
      [[ -n "${JAVA_AOT_HOME:-}" ]] || { echo "$mode needs JAVA_AOT_HOME (a JDK 25 or newer)" >&2; exit 1; }
      [[ -f "$BENCH_DIR/$function.aot" ]] || train "$function"
      pod "$function" "$mode" -XX:AOTCache="$BENCH_DIR/$function.aot"
    else
      pod "$function" "$mode"
    fi
  done
  python3 - "$function" "$BENCH_DIR" "${modes[@]}" <<'PY'
import sys
function, folder, modes = sys.argv[1], sys.argv[2], sys.argv[3:]
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
pods = {mode: read(f"{folder}/{function}-{mode}.txt") for mode in modes}
base_mode = modes[0]
cold = pods[base_mode]
print(f"== {function}: requests/s and p99 (ms) per 2-second window from the first ready answer; "
      f"ratio = requests/s against the {base_mode} pod's")
print(f"{'window':>8}" + "".join(f" {mode:>15} {'p99':>7} {'ratio':>6}" for mode in modes) + f" {'non-2xx':>8}")
names = [f"{2*i}-{2*i+2} s" for i in range(len(cold["window"]))] + ["steady"]
for i, name in enumerate(names):
    row = {mode: pod["window"][i] if i < len(pod["window"]) else pod["steady"] for mode, pod in pods.items()}
    base = max(row[base_mode][0], 1)
    print(f"{name:>8}" + "".join(f" {r[0]:>15,.0f} {r[1]:>7.1f} {r[0]/base:>6.2f}" for r in row.values())
          + f" {sum(r[2] for r in row.values()):>8}")
for mode, pod in pods.items():
    first, steady = pod["window"][0], pod["steady"]
    share = first[0] / max(steady[0], 1)
    verdict = ""
    if mode.startswith("preheated"):
        verdict = (f" (targets: >= 0.80 {'met' if share >= 0.8 else 'NOT met'}, "
                   f"<= 50 ms {'met' if first[1] <= 50 else 'NOT met'})")
    warmup = pod["warmup"].replace("_", " ") or "no warm-up"
    print(f"{mode:>14}: ready after {int(pod['ready']):,} ms; first window / own steady rate {share:.2f}, "
          f"p99 in it {first[1]:.1f} ms{verdict}; {warmup}")
print()
PY
done
