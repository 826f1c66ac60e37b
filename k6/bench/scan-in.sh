#!/usr/bin/env bash
# scan-in as its pod runs it: its maximum against its two ceilings, its latency at half that maximum under a constant
# arrival rate, and what a scan costs per CPU-second of its process (results: docs/benchmarks.md, "Scans per second").
# For group commit on, then off (MODES), each on a fresh local stack (memory store) that serves only as the store:
#   the PACKAGED scan-in (functions/scan-in/target/quarkus-app) is started as its pod runs it (pod_options in lib.sh:
#   -XX:MaxRAM at its Knative Service's memory limit, the image's JVM options and MALLOC_ARENA_MAX), its store the
#   stack's, in another process, its GC logged (-Xlog:gc); the stack's JVM runs with STORE_OPTS and its GC logged too;
#   1,000 venues registered, 10,000 citizen tokens minted with the stack's development key (seed_scans);
#   then in one run, each after an unmeasured warm-up, wrk (scan.lua) on:
#     - /warmup without a token: the bare ceiling (no business logic, one store ping);
#     - /warmup with a random one of the 10,000 citizen tokens per request: the authenticated no-op (the same, plus
#       the token's verification; a token whose signature is altered is answered 401 there, checked first);
#     - scan-in with a random token, a random venue's entry code and a new scanId per request: the maximum;
#   then k6 (steps.js) at a constant arrival rate of half that maximum (each of SHARES percent of it) for HALF_SECONDS:
#   what a queue does to the tail; and, as its control, the same k6 at the same rate against the authenticated no-op
#   (which writes nothing): the part of the tail that is the load generator's and the machine's, not the scan's.
# Each row: requests/s, p50, p99, p99.9, max, failed (non-200 and socket errors); the CPU-seconds of the function's
# process (/proc/PID/stat), requests per CPU-second of it, the CPU-seconds of the load generator and of the store (so
# that contention for the two cores shows), the function's GC pauses (count, total, longest, how many are longer than
# the row's p99) and the store's (count, longest), and the function's resident memory (VmRSS at the end, VmHWM the peak)
# against the limit. Then the group commit's batches during each k6 run (checkin_scan_batch_size, read with the
# operator's token before and after) and the share of its scans the function itself timed over 5, 10, 20, 25, 50 and 100
# ms (http_server_requests_seconds_bucket), and the scans: every scan wrk saw acknowledged is looked up by id
# (check-scans); the store's count grows by exactly the scans k6 had answered 2xx (count-scans before and after it).
# Environment: DURATION (15s), WARMUP (5s), HALF_SECONDS (30), SHARES (50; e.g. "25 50"), MAX (the requests/s the SHARES
# are of: this run's measured maximum unless given; give one to compare two runs at the same rates), K6_WARMUP (10s,
# unmeasured k6 at the same rate before each k6 row), CONTROL (1; 0 leaves the k6 control rows out), STORE_OPTS
# (-XX:+UseZGC: the store's JVM options; "" for the JVM's default collector), CONNECTIONS (32), THREADS (2), VENUES
# (1000), CITIZENS (10000), ROUNDS (3: how many times the no-op and the maximum alternate; the round whose ratio is the
# median counts, and its maximum is what SHARES are of), MODES ("on off"), SKIP_BUILD=1 to reuse the last build,
# JAVA_HOME to run the function on another JVM, K6 (else found by find_k6), K6_MEMORY (2GiB: what k6 may hold before it
# collects, lib.sh), FUNCTION_OPTS (more JVM options for the function, after the pod's), RESULTS (k6/target/scan-in:
# where each mode's GC log, rows, k6 summary and metrics are kept), PIN=1 (the function alone on one core, everything
# else on the other), PROFILE=1 (where each row's function CPU went: async-profiler samples the function's threads every
# millisecond of CPU during each row, the stacks are kept as RESULTS/<mode>/profile-<row>.collapsed and
# k6/bench/profile.py prints them as microseconds per request by stage; its library comes from Maven Central,
# tools.profiler:async-profiler, at the first use).
set -euo pipefail
cd "$(dirname "$0")/../.."
source k6/bench/lib.sh
prepare
find_k6
export THREADS=${THREADS:-2} CONNECTIONS=${CONNECTIONS:-32}
ROUNDS=${ROUNDS:-3} DURATION=${DURATION:-15s} WARMUP=${WARMUP:-5s} HALF_SECONDS=${HALF_SECONDS:-30} SHARES=${SHARES:-50} K6_WARMUP=${K6_WARMUP:-10s}
LUA=k6/bench/scan.lua
app=functions/scan-in/target/quarkus-app
pod_options scan-in
read -r -a function_opts <<<"${FUNCTION_OPTS:-}"
TICKS=$(getconf CLK_TCK)
RESULTS=${RESULTS:-k6/target/scan-in}
# PIN=1: the function alone on the second core (a pod's CPU request is one core), the store and the load generators
# on the first, so that they do not take the function's core; without it, all share both cores
others=()
[[ "${PIN:-}" == 1 ]] && others=(taskset -c 0)

ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }  # a process's CPU time so far (user + system), in clock ticks
reaped() { awk '{print $16 + $17}' "/proc/$$/stat"; }  # that of this script's finished children: the load generators
# waited PID: how long each of the process's threads has waited for a core while ready to run ("tid nanoseconds name" a
# line, /proc/PID/task/*/schedstat); waited_since FILE: the seconds all threads, and the Vert.x event loops (which read
# the requests and verify the tokens), waited since FILE was written, counting the threads alive at both ends
waited() {
  local task
  for task in /proc/"$1"/task/*; do
    printf '%s %s %s\n' "${task##*/}" "$(awk '{print $2}' "$task/schedstat" 2>/dev/null)" "$(tr -d ' ' 2>/dev/null < "$task/comm")"
  done
}
waited_since() {
  waited "$APP_PID" | awk 'NR == FNR {was[$1] = $2; next} ($1 in was) && $2 != "" {d = $2 - was[$1]; all += d;
    if ($3 ~ /^vert.x-eventloo/) loops += d} END {printf "%d %d", all / 1000000, loops / 1000000}' "$1" -
}
# thread_ticks PID: each thread's CPU time so far, by its name without digits ("name ticks" a line)
thread_ticks() {
  local task
  for task in /proc/"$1"/task/*; do
    printf '%s %s\n' "$(tr -d '0-9 ' 2>/dev/null < "$task/comm")" "$(awk '{print $14 + $15}' "$task/stat" 2>/dev/null)"
  done
}
# PROFILE=1: async-profiler's library, loaded into the function for each row (JVMTI.agent_load: no other tool needed)
profiler=""
if [[ "${PROFILE:-}" == 1 ]]; then
  profiler=$PWD/k6/target/profiler/libasyncProfiler.so
  if [[ ! -f $profiler ]]; then
    ./mvnw -B -q dependency:copy -Dartifact=tools.profiler:async-profiler:3.0 -DoutputDirectory=k6/target/profiler
    unzip -o -q -j k6/target/profiler/async-profiler-3.0.jar linux-x64/libasyncProfiler.so -d k6/target/profiler
  fi
fi
# profiling OPTIONS: async-profiler's options, given to the running function (quoted: jcmd would split them at "=")
profiling() { [[ -z $profiler ]] || jcmd "$APP_PID" JVMTI.agent_load "$profiler" "\"$1\"" > /dev/null; }
# begin: where a row's costs are counted from
begin() {
  profiling start,event=cpu,interval=1ms,threads
  B_APP=$(ticks "$APP_PID") B_STORE=$(ticks "$STACK_PID") B_GEN=$(reaped) B_GC=$(wc -l < "$GC_LOG")
  B_STORE_GC=$(wc -l < "$STORE_GC_LOG")
  waited "$APP_PID" > "$BENCH_DIR/waited-begin.txt"
  thread_ticks "$APP_PID" > "$BENCH_DIR/threads-begin.txt"
}
# spent NAME_PATTERN: clock ticks the function's threads whose names match spent since begin (the JIT compilers, the
# VM thread, in which the serial collector runs)
spent() {
  thread_ticks "$APP_PID" | awk -v pattern="$1" 'NR == FNR {if ($1 ~ pattern) was += $2; next} $1 ~ pattern {now += $2}
    END {print now - was}' "$BENCH_DIR/threads-begin.txt" -
}
# pauses LOG FROM P99: the collector's pauses a JVM's log (-Xlog:gc,gc+phases) has after line FROM: "count, total ms,
# longest ms, how many longer than P99 ms"
pauses() {
  tail -n +$(($2 + 1)) "$1" | awk -v p99="$3" '/Pause/ {ms = $NF; sub(/ms$/, "", ms); ms += 0; n++; total += ms;
    if (ms > most) most = ms; if (ms > p99) over++} END {printf "%d %.1f %.1f %d", n, total, most, over}'
}
# row NAME REQUESTS RATE P50 P99 P999 MAX FAILED DROPPED (milliseconds): the row, with its costs since begin, in ROWS
row() {
  local gc store_gc
  gc=$(pauses "$GC_LOG" "$B_GC" "$5")
  store_gc=$(pauses "$STORE_GC_LOG" "$B_STORE_GC" "$5")
  echo "${1// /_} $2 $3 $4 $5 $6 $7 $8 $9 $(( $(ticks "$APP_PID") - B_APP )) $(( $(reaped) - B_GEN )) \
$(( $(ticks "$STACK_PID") - B_STORE )) $gc $(mib "$APP_PID" VmRSS) $(mib "$APP_PID" VmHWM) \
$(waited_since "$BENCH_DIR/waited-begin.txt") $(spent CompilerThre) $(spent '^VMThread$') $store_gc" >> "$ROWS"
  profiling "stop,file=$BENCH_DIR/profile-$(wc -l < "$ROWS").collapsed,collapsed"
}

# scan_wrk PATH SECONDS [NAME=VALUE...]: wrk with scan.lua on the function's PATH; prints wrk's output
scan_wrk() {
  local path=$1 seconds=$2; shift 2
  "${others[@]}" env "$@" SCAN_PATH="$path" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$seconds" --latency -s "$LUA" "$FN$path"
}
# wrk_row NAME PATH [NAME=VALUE...]: warms the path up, then measures it for DURATION; sets RATE
wrk_row() {
  local name=$1 path=$2 out; shift 2
  scan_wrk "$path" "$WARMUP" "$@" > /dev/null
  begin
  out=$(scan_wrk "$path" "$DURATION" "$@")
  RATE=$(awk '/^Requests\/sec:/{print $2}' <<<"$out")
  local failed sockets latency
  failed=$(grep -o 'failed=[0-9]*' <<<"$out" | cut -d= -f2)
  sockets=$(awk '/Socket errors:/{gsub(/,/, ""); print $4 + $6 + $8 + $10}' <<<"$out")
  latency=$(grep '^LATENCY_US' <<<"$out" | awk '{for (i = 2; i <= 5; i++) {split($i, kv, "="); printf "%.2f ", kv[2] / 1000}}')
  # shellcheck disable=SC2086 # the four quantiles, one word each
  row "$name" "$(awk '/requests in/{print $1}' <<<"$out")" "$RATE" $latency $((failed + ${sockets:-0})) 0
}

# k6_run TAG URL DURATION [-e NAME=VALUE...]: k6 (steps.js) at $rate on URL for DURATION, its summary in
# BENCH_DIR/k6-TAG.json and its figures in k6-TAG.txt: requests, requests/s, p50, p99, p99.9, max (ms), failed, dropped
k6_run() {
  "${others[@]}" "${K6_ENV[@]}" "$K6" run --quiet --no-color --summary-export "$BENCH_DIR/k6-$1.json" -e RATE="$rate" \
    -e DURATION="$3" -e URL="$2" -e STATS='med,p(99),p(99.9),max' "${@:4}" k6/bench/steps.js > "$BENCH_DIR/k6-$1.log" 2>&1 \
    || { cat "$BENCH_DIR/k6-$1.log"; echo "k6 failed" >&2; exit 1; }
  python3 - "$BENCH_DIR/k6-$1.json" > "$BENCH_DIR/k6-$1.txt" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))["metrics"]
d = m["http_req_duration"]
print(m["http_reqs"]["count"], m["http_reqs"]["rate"], d["med"], d["p(99)"], d["p(99.9)"], d["max"],
      m.get("http_req_failed", {}).get("passes", 0), m.get("dropped_iterations", {}).get("count", 0))
PY
}
# k6_ok TAG: how many of k6_run TAG's requests were answered 2xx
k6_ok() { awk '{print $1 - $7}' "$BENCH_DIR/k6-$1.txt"; }
# k6_row NAME TAG: the row of k6_run TAG, with its costs since begin
k6_row() {
  local figures
  read -r -a figures < "$BENCH_DIR/k6-$2.txt"
  row "$1" "${figures[@]}"
}

metrics() { operator_metrics "$FN"; }
count_scans() { CHECKIN_DATA_DIR="$BENCH_DIR" LOCAL_STACK_SKIP_BUILD=1 ./local-stack count-scans "$store"; }

for mode in ${MODES:-on off}; do
  echo "== group commit $mode: the packaged scan-in as its pod (${POD_OPTS[*]} ${function_opts[*]}," \
    "MALLOC_ARENA_MAX=$MALLOC_ARENA_MAX; the Service's limit: $POD_LIMIT_MI MiB), its store the local stack's"
  # the store's JVM: the local stack's memory store stands in for MongoDB, which has no collector; under its default
  # collector (G1) its young collections paused every write in flight for 40-77 ms, and they were most of the scans the
  # function held over 20 ms (docs/benchmarks.md, "Results, 2026-11-30, later")
  mkdir -p "$RESULTS/$mode"
  STORE_GC_LOG=$(realpath -m "$RESULTS/$mode/store-gc.log")
  rm -f "$STORE_GC_LOG"
  STORE_JAVA_OPTS="${STORE_OPTS--XX:+UseZGC} -Xlog:gc,gc+phases:file=$STORE_GC_LOG" start_stack
  store=$(grep -o 'mongodb://[0-9.:]*' "$BENCH_DIR/stack.log" | head -1)
  KEYS="$BENCH_DIR/keys"
  seed_scans
  export TOKENS_FILE="$BENCH_DIR/tokens.txt" CODES_FILE="$BENCH_DIR/codes-scan-in.txt" ACK_DIR="$BENCH_DIR/acks"
  mkdir -p "$ACK_DIR"
  GC_LOG="$BENCH_DIR/gc.log" ROWS="$BENCH_DIR/rows.txt"
  : > "$ROWS"
  enabled=true; [[ $mode == off ]] && enabled=false
  CHECKIN_SCAN_GROUP_COMMIT_ENABLED=$enabled launch "$app" "pod-$mode" "${POD_OPTS[@]}" "-Xlog:gc:file=$GC_LOG" "${function_opts[@]}"
  [[ "$READY_MS" != failed ]] || { cat "$BENCH_DIR/start-pod-$mode.log"; echo "scan-in did not start" >&2; exit 1; }
  trap 'stop_app; stop_stack' EXIT
  FN="http://127.0.0.1:$APP_PORT"
  if [[ "${PIN:-}" == 1 ]]; then
    taskset -apc 1 "$APP_PID" > /dev/null && taskset -apc 0 "$STACK_PID" > /dev/null
    echo "pinned: scan-in on core 1; the store, wrk and k6 on core 0"
  fi
  echo "venues: $(wc -l < "$CODES_FILE"), citizen tokens: $(wc -l < "$TOKENS_FILE"); scan-in ready in $READY_MS ms"

  # the no-op verifies the token: a valid one is answered 200, the same with a character of its signature changed 401
  token=$(head -1 "$TOKENS_FILE")
  changed=${token: -10:1}; [[ $changed == A ]] && changed=B || changed=A
  noop() { curl -s -o /dev/null -w '%{http_code}' -X POST -H "Authorization: Bearer $1" "$FN/warmup"; }
  valid=$(noop "$token") altered=$(noop "${token:0:${#token}-10}$changed${token: -9}")
  echo "/warmup with a valid citizen token: $valid; with its signature altered: $altered"
  [[ "$valid $altered" == "200 401" ]] || { echo "expected 200 and 401" >&2; exit 1; }

  wrk_row "warmup (bare ceiling)" /warmup NO_BODY=1 BEARER=0
  # ROUNDS: the no-op and the maximum alternate, so that the host's drift between rows falls on both alike
  : > "$BENCH_DIR/rounds.txt"
  for ((round = 1; round <= ROUNDS; round++)); do
    wrk_row "warmup + token (no-op)" /warmup NO_BODY=1
    noop_rate=$RATE
    wrk_row "scan-in (max)" /scan-in
    echo "$noop_rate $RATE" >> "$BENCH_DIR/rounds.txt"
  done
  # the round that counts: the one whose scan-in / no-op ratio is the median; the summary judges it, and its maximum
  # is what SHARES are of
  read -r median_round max < <(awk '{print $2 / $1, NR, $2}' "$BENCH_DIR/rounds.txt" | sort -g |
    awk '{round[NR] = $2; rate[NR] = $3} END {i = int(NR / 2) + 1; print round[i], rate[i]}')
  before=$(count_scans)
  : > "$BENCH_DIR/k6-ok.txt"
  for share in $SHARES; do
    rate=$(python3 -c "print(int(float('${MAX:-$max}') * $share / 100))")
    # unmeasured first, at the same rate: k6 opens many more connections than wrk, new paths for the JIT to compile
    k6_run "warm-$share" "$FN/scan-in" "$K6_WARMUP"
    k6_ok "warm-$share" >> "$BENCH_DIR/k6-ok.txt"
    metrics > "$BENCH_DIR/metrics-before-$share.txt" || true
    begin
    cp "$BENCH_DIR/threads-begin.txt" "$BENCH_DIR/threads-before-$share.txt"
    k6_run "$share" "$FN/scan-in" "${HALF_SECONDS}s"
    k6_row "scan-in $share% $rate/s (k6)" "$share"
    thread_ticks "$APP_PID" > "$BENCH_DIR/threads-after-$share.txt"
    metrics > "$BENCH_DIR/metrics-after-$share.txt" || true
    k6_ok "$share" >> "$BENCH_DIR/k6-ok.txt"
    # the control: the same k6 at the same rate against the authenticated no-op, which verifies the same tokens and
    # writes nothing (no body: /warmup takes none); what its tail shares with the scan's is the load generator's and
    # the machine's (CONTROL=0 leaves it out)
    if [[ "${CONTROL:-1}" == 1 ]]; then
      k6_run "warm-noop-$share" "$FN/warmup" "$K6_WARMUP" -e NO_BODY=1
      begin
      k6_run "noop-$share" "$FN/warmup" "${HALF_SECONDS}s" -e NO_BODY=1
      k6_row "no-op $share% $rate/s (k6 control)" "noop-$share"
    fi
  done
  after=$(count_scans)

  python3 - "$ROWS" "$TICKS" "$POD_LIMIT_MI" "$BENCH_DIR" "$median_round" "${MAX:-}" $SHARES <<'PY'
import re, sys
rows_file, ticks, limit, folder = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
median_round = int(sys.argv[5])  # the round whose scan-in / no-op ratio is the median, from 1
fixed, shares = sys.argv[6], sys.argv[7:]  # fixed: MAX, when the shares are not of this run's maximum
rows = []
for line in open(rows_file):
    f = line.split()
    rows.append(dict(name=f[0].replace("_", " "), requests=int(f[1]), rate=float(f[2]), p50=float(f[3]),
                     p99=float(f[4]), p999=float(f[5]), max=float(f[6]), failed=int(f[7]), dropped=int(float(f[8])),
                     app=int(f[9]) / ticks, gen=int(f[10]) / ticks, store=int(f[11]) / ticks, pauses=int(f[12]),
                     gc_total=float(f[13]), gc_max=float(f[14]), gc_over=int(f[15]), rss=int(f[16]), hwm=int(f[17]),
                     waited=int(f[18]) / 1000, loops_waited=int(f[19]) / 1000, jit=int(f[20]) / ticks,
                     vm=int(f[21]) / ticks, store_pauses=int(f[22]), store_gc_max=float(f[24])))
for r in rows:
    r["per_cpu"] = r["requests"] / r["app"] if r["app"] else 0
    r["seconds"] = r["requests"] / r["rate"] if r["rate"] else 0
print(f"{'target':<26} {'requests/s':>10} {'p50':>6} {'p99':>6} {'p99.9':>6} {'max':>6} {'failed':>6} {'dropped':>7}"
      f" {'fn CPU-s':>8} {'req/CPU-s':>9} {'RSS/HWM MiB':>12}")
for r in rows:
    print(f"{r['name']:<26} {r['rate']:>10,.0f} {r['p50']:>6.1f} {r['p99']:>6.1f} {r['p999']:>6.1f} {r['max']:>6.1f}"
          f" {r['failed']:>6} {r['dropped']:>7} {r['app']:>8.2f} {r['per_cpu']:>9,.0f} {r['rss']:>6}/{r['hwm']:<5}")
print(f"(latencies in ms; fn CPU-s: the function's process, user + system, during the row; limit {limit} MiB)")
print(f"{'where the time went':<26} {'cores busy: fn':>14} {'of it JIT':>9} {'GC':>5} {'load gen':>8} {'store':>6} {'all':>5} {'fn waited':>9}"
      f" {'loops':>6} {'GC pauses':>9} {'in all':>7} {'longest':>7} {'> p99':>5} {'store GC':>8} {'longest':>7}")
for r in rows:
    t = r["seconds"] or 1
    print(f"{r['name']:<26} {r['app'] / t:>14.2f} {r['jit'] / t:>9.2f} {r['vm'] / t:>5.2f} {r['gen'] / t:>8.2f} {r['store'] / t:>6.2f}"
          f" {(r['app'] + r['gen'] + r['store']) / t:>5.2f} {r['waited'] / t:>8.2f}s {r['loops_waited'] / t:>5.2f}s"
          f" {r['pauses']:>9} {r['gc_total']:>5.0f}ms {r['gc_max']:>5.1f}ms {r['gc_over']:>5} {r['store_pauses']:>8}"
          f" {r['store_gc_max']:>5.1f}ms")
print("(cores busy: CPU-seconds per second of the row, of 2; of it JIT: the function's compiler threads, GC: its VM "
      "thread, where the serial collector runs; fn waited: seconds per second the function's threads were "
      "ready to run but waited for a core, loops: its event loops' share; GC: the function's pauses in the row, "
      "and how many were longer than its p99; store GC: the store's pauses, every write in flight held by each)")
bare = rows[0]
noops = [r for r in rows if r["name"].endswith("(no-op)")]
scans = [r for r in rows if r["name"] == "scan-in (max)"]
paced = [r for r in rows if r["name"].endswith("(k6)")]
half = paced[shares.index("50")] if "50" in shares else paced[0] if paced else None  # SHARES=" ": no k6 rows
# with ROUNDS > 1 the round whose ratio is the median stands for the run
noop, scan = noops[median_round - 1], scans[median_round - 1]
ratio = scan["rate"] / noop["rate"]
if len(scans) > 1:
    print("scan-in / authenticated no-op, round by round: "
          + ", ".join(f"{s['rate'] / n['rate']:.2f}" for n, s in zip(noops, scans)) + f"; the median {ratio:.2f}")
print(f"scan-in / bare ceiling: {scan['rate'] / bare['rate']:.2f};  scan-in / authenticated no-op: {ratio:.2f} "
      f"(target >= 0.90: {'met' if ratio >= 0.9 else 'NOT met'});  authenticated no-op / bare: {noop['rate'] / bare['rate']:.2f}")
print(f"per CPU-second of the function: {scan['per_cpu']:,.0f} scans at the maximum, "
      + ", ".join(f"{r['per_cpu']:,.0f} at {s}%" for s, r in zip(shares, paced))
      + f"; {noop['per_cpu']:,.0f} authenticated no-ops, {bare['per_cpu']:,.0f} bare; scans / authenticated no-ops "
      f"{scan['per_cpu'] / noop['per_cpu']:.2f}")
# the control rows: the same k6 at the same rate against the authenticated no-op
controls = {r["name"].split()[1]: r for r in rows if r["name"].endswith("(k6 control)")}
# the target is at half this run's maximum: judged only for that row
if half:
    verdict = ""
    if "50" in shares and not fixed:
        control = controls.get("50%")
        if half["p99"] <= 20:
            verdict = " (target <= 20 ms at 50%: met)"
        elif control and control["p99"] > 20:  # the load generator's own tail at this rate is over the target
            verdict = (f" (target <= 20 ms at 50%: cannot tell here, k6's p99 on the authenticated no-op at the same "
                       f"rate, its control, is {control['p99']:.1f} ms itself)")
        else:
            verdict = " (target <= 20 ms at 50%: NOT met)"
    print(f"{half['name']} (constant arrival): p99 {half['p99']:.1f} ms{verdict}, p99.9 {half['p999']:.1f} ms, "
          f"max {half['max']:.1f} ms, {half['dropped']} dropped, {half['failed']} failed")
for share, r in zip(shares, paced):
    c = controls.get(share + "%")
    if c:
        print(f"k6 at {share}%, scan-in / the control (the authenticated no-op, same rate): p99 {r['p99']:.1f} / "
              f"{c['p99']:.1f} ms, p99.9 {r['p999']:.1f} / {c['p999']:.1f} ms, not started {r['dropped']} / "
              f"{c['dropped']}; the load generator {r['gen'] / (r['seconds'] or 1):.2f} / {c['gen'] / (c['seconds'] or 1):.2f}"
              f" cores, {r['gen'] / (r['requests'] or 1) * 1e6:,.0f} / {c['gen'] / (c['requests'] or 1) * 1e6:,.0f} µs a request")
hwm = max(r["hwm"] for r in rows)
print(f"resident memory: highest {hwm} MiB of the {limit} MiB limit ({'within' if hwm <= limit else 'OVER'})")

def read(path):
    values = {}
    try:
        lines = open(path).readlines()
    except OSError:
        return values
    for line in lines:
        if not line.startswith("#") and line.strip():
            name, value = line.rsplit(" ", 1)
            values[name] = float(value)
    return values
for share in shares:
    b, a = read(f"{folder}/metrics-before-{share}.txt"), read(f"{folder}/metrics-after-{share}.txt")
    grown = lambda name: a.get(name, 0) - b.get(name, 0)
    line = f"k6 at {share}%:"
    n, total = grown("checkin_scan_batch_size_count"), grown("checkin_scan_batch_size_sum")
    if n > 0:  # none with group commit off
        line += (f" group commit {n:,.0f} batches, {total / n:.1f} scans each on average"
                 f" (largest of the last minutes {a.get('checkin_scan_batch_size_max', 0):.0f});")
    # the function's own timer, from its reading a request to its answer: the share of the row's scans over each bound
    buckets = {}
    for name in a:
        m = re.match(r'http_server_requests_seconds_bucket\{.*status="200",uri="/scan-in",le="([^"]+)"\}', name)
        if m and m.group(1) != "+Inf":
            buckets[float(m.group(1))] = grown(name)
    count = grown('http_server_requests_seconds_count{method="POST",outcome="SUCCESS",status="200",uri="/scan-in"}')
    if count:
        line += f" as the function timed its {count:,.0f} scans (reading the request to answering): " + ", ".join(
            f"{(count - within) / count:.2%} over {bound * 1000:g} ms" for bound, within in sorted(buckets.items())
            if bound <= 0.1)
        over = (count - buckets.get(0.02, count)) / count
        line += f"; its own p99 {'within' if over <= 0.01 else 'OVER'} 20 ms"
    print(line)
    # where the function's CPU went in the row, by thread (threads named alike summed; those that ended are missing)
    spent = {}
    for path, sign in ((f"{folder}/threads-after-{share}.txt", 1), (f"{folder}/threads-before-{share}.txt", -1)):
        for entry in open(path):
            parts = entry.split()
            if len(parts) == 2:
                spent[parts[0]] = spent.get(parts[0], 0) + sign * int(parts[1])
    top = sorted(spent.items(), key=lambda kv: -kv[1])[:7]
    print(f"k6 at {share}%: the function's CPU-seconds by thread: "
          + ", ".join(f"{name} {ticks_ / ticks:.2f}" for name, ticks_ in top if ticks_ > 0))
PY
  stored=$(count_scans)
  k6_ok=$(awk '{n += $1} END {printf "%d", n}' "$BENCH_DIR/k6-ok.txt")
  echo "k6's 2xx answers (its warm-ups' too): $k6_ok; the store's scans grew by $((after - before)) during its run" \
    "($([[ $((after - before)) == "$k6_ok" ]] && echo "the same" || echo "NOT the same"))"
  echo "scan events in the store: $stored, k6's $k6_ok of them; every scan wrk saw acknowledged (its warm-ups' too):"
  CHECKIN_DATA_DIR="$BENCH_DIR" LOCAL_STACK_SKIP_BUILD=1 ./local-stack check-scans "$store" bench "$ACK_DIR"/ack-*.txt
  kill -0 "$APP_PID" || echo "scan-in EXITED (it exits on OutOfMemoryError)"
  # what the figures came from, kept: the function's GC log and start log, the rows, k6's summary, the metrics
  shopt -s nullglob  # no k6 summaries or metrics when SHARES is " "
  cp "$GC_LOG" "$ROWS" "$BENCH_DIR"/k6-*.json "$BENCH_DIR"/metrics-*.txt "$BENCH_DIR"/threads-*.txt \
    "$BENCH_DIR"/profile-*.collapsed "$BENCH_DIR/start-pod-$mode.log" "$RESULTS/$mode/"
  echo "kept in $RESULTS/$mode: the GC logs (the function's, the store's), the rows, k6's summaries, the metrics" \
    "before and after each k6 run"
  [[ -z $profiler ]] || python3 k6/bench/profile.py "$RESULTS/$mode"
  stop_app
  stop_stack
  trap - EXIT
  echo
done
