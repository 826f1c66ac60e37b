#!/usr/bin/env bash
# The capacity model of `warmup simulate` against a measurement (results: docs/warmup.md, "The model against a
# measurement"). On the local stack (memory store; VENUES 1000 venues, CITIZENS 10000 people): scan-in's maximum with
# wrk (THREADS 2, CONNECTIONS 32, MAX_SECONDS 15, after WARM_SECONDS 20 unmeasured), then k6 at a constant arrival
# rate of each of STEPS percent of that maximum ("25 50 100 150"), STEP_SECONDS (20) each: the throughput it got, its
# median and p99, and the requests k6 could not even send (dropped). For each step, the model: one warm pod
# (`--min-scale 1 --max-scale 1 --ramp none`) whose maximum rate is the measured one and whose service time is the
# median of the lowest step, fed the same rate for the same time: its throughput and p99. Printed side by side with
# the model's error. Environment: SKIP_BUILD=1 to reuse the last build, K6 (else found as k6/run-on-local-stack does),
# K6_MEMORY (2GiB: what k6 may hold before it collects, lib.sh).
set -euo pipefail
cd "$(dirname "$0")/../.."
source k6/bench/lib.sh
prepare
find_k6
if [[ "${SKIP_BUILD:-}" != "1" ]]; then
  ./mvnw -B -q -DskipTests -DskipITs package -pl warmup -am
fi
STEPS=${STEPS:-25 50 100 150} STEP_SECONDS=${STEP_SECONDS:-20}
start_stack
seed_scans
export TOKENS_FILE="$BENCH_DIR/tokens.txt" CODES_FILE="$BENCH_DIR/codes-scan-in.txt" ACK_DIR="$BENCH_DIR/acks"
mkdir -p "$ACK_DIR"
scan_wrk() {
  SCAN_PATH=/scan-in wrk -t"${THREADS:-2}" -c"${CONNECTIONS:-32}" -d"$1s" -s k6/bench/scan.lua "$BASE/scan-in"
}
scan_wrk "${WARM_SECONDS:-20}" > /dev/null
max=$(scan_wrk "${MAX_SECONDS:-15}" | awk '/^Requests\/sec:/{printf "%.0f", $2}')
echo "scan-in's maximum: $max requests/s (wrk, ${CONNECTIONS:-32} connections)"

results="$BENCH_DIR/steps.txt"
: > "$results"
for step in $STEPS; do
  rate=$(( max * step / 100 ))
  "${K6_ENV[@]}" "$K6" run --quiet --no-color --summary-export "$BENCH_DIR/step-$step.json" -e RATE="$rate" \
    -e DURATION="${STEP_SECONDS}s" -e URL="$BASE/scan-in" k6/bench/steps.js > "$BENCH_DIR/step-$step.log" 2>&1 || {
    cat "$BENCH_DIR/step-$step.log"; echo "k6 failed at the $step% step" >&2; exit 1; }
  python3 - "$BENCH_DIR/step-$step.json" "$step" "$rate" >> "$results" <<'PY'
import json, sys
metrics = json.load(open(sys.argv[1]))["metrics"]
duration = metrics["http_req_duration"]
dropped = metrics.get("dropped_iterations", {}).get("count", 0)
failed = metrics.get("http_req_failed", {}).get("passes", 0)
print(sys.argv[2], sys.argv[3], metrics["http_reqs"]["rate"], duration["med"], duration["p(99)"], dropped, failed)
PY
done

service_ms=$(awk 'NR == 1 {print $4}' "$results")
echo "the model's service time: $service_ms ms (the median of the lowest step)"
python3 - "$results" "$max" "$service_ms" "$STEP_SECONDS" <<'PY'
import re, subprocess, sys, tempfile
results, capacity, service_ms, seconds = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
print(f"{'step':>5} {'rate':>7} {'measured req/s':>15} {'model req/s':>12} {'error':>7} "
      f"{'measured p99':>13} {'model p99':>10} {'error':>7} {'median':>7} {'dropped':>8} {'failed':>7}")
for line in open(results):
    step, rate, got, median, p99, dropped, failed = line.split()
    rate, got, median, p99 = int(rate), float(got), float(median), float(p99)
    with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as profile:
        profile.write(f"0,{rate}\n")
    out = subprocess.run(["java", "-jar", "warmup/target/quarkus-app/quarkus-run.jar", "simulate",
                          "--profile", profile.name, "--seconds", str(seconds), "--min-scale", "1", "--max-scale", "1",
                          "--ramp", "none", "--pod-startup-seconds", "0", "--max-rate-per-pod", str(capacity),
                          "--service-time-ms", service_ms], capture_output=True, text=True, check=True).stdout
    warm = out[out.index("min-scale 1"):]  # the warm pod's row, and its line of requests still waiting if any
    model_p99 = float(re.search(r"(\d+(?:\.\d+)?)ms\s*$", warm.splitlines()[0]).group(1))
    waiting = re.search(r"([\d.]+) requests still waiting at the end", warm)
    model_rate = (rate * seconds - (float(waiting.group(1)) if waiting else 0)) / seconds
    print(f"{step + '%':>5} {rate:>7,} {got:>15,.0f} {model_rate:>12,.0f} {(model_rate - got) / got:>+7.0%} "
          f"{p99:>11.1f}ms {model_p99:>8.0f}ms {(model_p99 - p99) / p99:>+7.0%} {median:>5.1f}ms {dropped:>8} {failed:>7}")
PY
