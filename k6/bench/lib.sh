# Shared helpers of the benchmark scripts: start the local stack on a memory store, run wrk, read its numbers.
# shellcheck shell=bash

# Benchmarks send each token far more scans than a person makes (20 a minute): the per-person limit of the stack and
# of every function started by launch stays on, so its cost is in the figures, but high enough never to refuse.
BENCH_SCAN_LIMIT=${CHECKIN_SCAN_RATE_LIMIT_PER_MINUTE:-1000000}

# prepare: checks for wrk, and builds the local stack unless SKIP_BUILD=1.
prepare() {
  command -v wrk >/dev/null 2>&1 || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
  if [[ "${SKIP_BUILD:-}" != "1" ]]; then
    ./mvnw -B -q -DskipTests -DskipITs install -pl local/stack -am
  fi
}

# find_k6: sets K6: $K6 if given; else k6 on PATH; else installed from ../shared/tools/k6 into k6/target/bin. And
# K6_ENV, the environment the latency runs start it in: its garbage collector held off until it holds K6_MEMORY (2GiB,
# which 30 s at 2,000 requests/s reach). Each of its collections held up the goroutines that time the requests, the
# more so on one core (PIN=1), and the pauses went into the latencies it reported: pinned, held off, its p99 at 25 and
# 50% of scan-in's maximum was half as long (docs/benchmarks.md, "Scans per second").
K6_ENV=(env GOGC=off "GOMEMLIMIT=${K6_MEMORY:-2GiB}")
find_k6() {
  if [[ -n "${K6:-}" ]]; then
    return
  fi
  if command -v k6 >/dev/null 2>&1; then
    K6=$(command -v k6)
  elif [[ -f ../shared/tools/k6/install ]]; then
    K6=$(bash ../shared/tools/k6/install "$PWD/k6/target/bin" | tail -1)
  else
    echo "k6 is needed and was not found on PATH: install k6 v1.x (https://grafana.com/docs/k6/latest/set-up/install-k6/)," >&2
    echo "or name it with K6=/path/to/k6" >&2
    exit 1
  fi
}

# seed_scans: on the running stack, registers VENUES (1000) venues and makes CITIZENS (10000) people's tokens; writes
# $BENCH_DIR/codes-scan-in.txt and codes-scan-out.txt (a venue's entry or exit code a line) and tokens.txt (a token a
# line): what scan.lua and steps.js read.
seed_scans() {
  python3 - "$BASE" "$TOKEN_venue_manager" "${VENUES:-1000}" "$BENCH_DIR" <<'PY'
import json, sys, urllib.request
base, token, count, folder = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
body = json.dumps({"formats": [], "venues": [{"name": f"Bench venue {i}", "address": f"{i} Load Street",
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
}

# pod_options FUNCTION: the JVM as FUNCTION's pod runs it. Sets POD_LIMIT_MI (the memory limit of its Knative Service
# as deployed with JVM images: the knative/jvm component's where it raises FUNCTION's, else
# knative/*-service-FUNCTION.yaml; POD_LIMIT=native for the base Service's, the native executables') and POD_OPTS:
# -XX:MaxRAM at that limit (what the JVM sees as the machine's memory in the container) then the image's options
# (quarkus.jib.jvm-additional-arguments: heap percentages, the collector, the exit on OutOfMemoryError); exports the
# image's MALLOC_ARENA_MAX (quarkus.jib.environment-variables).
pod_options() {
  local config=shared/core/src/main/resources/META-INF/microprofile-config.properties image_opts jvm_limit=
  POD_LIMIT_MI=$(awk '/limits:/{f=1} f && /memory:/{sub(/Mi/, "", $2); print $2; exit}' knative/*-service-"$1".yaml)
  if [[ "${POD_LIMIT:-jvm}" == jvm ]]; then
    jvm_limit=$(awk -v fn="$1" '/name:/{name=$0} /limits\/memory/ && index(name, fn){f=1}
      f && /value:/{sub(/Mi/, "", $2); print $2; exit}' knative/jvm/kustomization.yaml)
  fi
  POD_LIMIT_MI=${jvm_limit:-$POD_LIMIT_MI}
  read -r -a image_opts <<<"$(sed -n 's/^quarkus.jib.jvm-additional-arguments=//p' "$config" | tr ',' ' ')"
  POD_OPTS=(-XX:MaxRAM="${POD_LIMIT_MI}m" "${image_opts[@]}")
  MALLOC_ARENA_MAX=$(sed -n 's/^quarkus.jib.environment-variables."MALLOC_ARENA_MAX"=//p' "$config")
  export MALLOC_ARENA_MAX
}

# mib PID FIELD: a process's VmRSS (resident now) or VmHWM (its peak), in MiB.
mib() { awk -v field="$2:" '$1 == field {printf "%d", $2 / 1024}' "/proc/$1/status"; }

# operator_metrics BASE: a function's Prometheus metrics, read with the stack's operator token (TOKEN_operator).
operator_metrics() { curl -sf -m 5 -H "Authorization: Bearer $TOKEN_operator" "$1/q/metrics"; }

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
}

# start_stack [NAME=VALUE...]: starts ./local-stack in the background on a fresh data folder (BENCH_DIR) with
# that environment, by default the benchmarks' (memory store, the per-person limit out of the way), and
# STORE_JAVA_OPTS, when set, as its JVM options (JAVA_OPTS); sets STACK_PID, BASE, and TOKEN_<role>
# (TOKEN_venue_manager, TOKEN_citizen, TOKEN_health_official, TOKEN_operator).
start_stack() {
  (( $# )) || set -- CHECKIN_EMBEDDED_STORE=memory "CHECKIN_SCAN_RATE_LIMIT_PER_MINUTE=$BENCH_SCAN_LIMIT"
  [[ -z "${STORE_JAVA_OPTS:-}" ]] || set -- "$@" "JAVA_OPTS=$STORE_JAVA_OPTS"
  BENCH_DIR=$(mktemp -d)
  local port; port=$(free_port)
  BASE="http://127.0.0.1:$port"
  env "$@" QUARKUS_HTTP_PORT="$port" CHECKIN_DATA_DIR="$BENCH_DIR" LOCAL_STACK_SKIP_BUILD=1 \
    ./local-stack > "$BENCH_DIR/stack.log" 2>&1 &
  STACK_PID=$!
  trap stop_stack EXIT
  for _ in $(seq 1 600); do
    grep -q '^TOKEN operator ' "$BENCH_DIR/stack.log" 2>/dev/null && break
    kill -0 "$STACK_PID" 2>/dev/null || { cat "$BENCH_DIR/stack.log"; echo "the local stack did not start" >&2; exit 1; }
    sleep 0.1
  done
  local role
  for role in venue-manager citizen health-official operator; do
    printf -v "TOKEN_${role//-/_}" '%s' "$(awk -v role="$role" '$1 == "TOKEN" && $2 == role {print $3}' "$BENCH_DIR/stack.log")"
  done
}

stop_stack() {
  if [[ -n "${STACK_PID:-}" ]] && kill -0 "$STACK_PID" 2>/dev/null; then
    # SIGTERM: a background job of a script ignores SIGINT
    kill -TERM "$STACK_PID"; wait "$STACK_PID" 2>/dev/null || true
  fi
  [[ -n "${BENCH_DIR:-}" ]] && rm -rf "$BENCH_DIR"
}

# warm_wrk PATH BODY TOKEN: a short unmeasured run, so the JIT has compiled the path before it is measured.
warm_wrk() {
  BODY="$2" TOKEN="$3" wrk -t"${THREADS:-2}" -c"${CONNECTIONS:-32}" -d"${WARMUP:-5s}" \
    -s "$(dirname "${BASH_SOURCE[0]}")/post.lua" "$BASE$1" > /dev/null
}

# run_wrk NAME PATH BODY TOKEN: prints "NAME req/s p50_ms p99_ms errors" and stores the rate in RATE.
run_wrk() {
  local name=$1 path=$2 body=$3 token=$4 out
  out=$(BODY="$body" TOKEN="$token" wrk -t"${THREADS:-2}" -c"${CONNECTIONS:-32}" -d"${DURATION:-15s}" --latency \
    -s "$(dirname "${BASH_SOURCE[0]}")/post.lua" "$BASE$path")
  RATE=$(awk '/^Requests\/sec:/{print $2}' <<<"$out")
  local p50 p99 errors
  p50=$(awk '$1=="50%"{print $2}' <<<"$out")
  p99=$(awk '$1=="99%"{print $2}' <<<"$out")
  errors=$(awk '/Non-2xx or 3xx responses:/{print $5}' <<<"$out")
  printf '%-22s %12s %10s %10s %8s\n' "$name" "$RATE" "$p50" "$p99" "${errors:-0}"
}

# launch APP_DIR MODE [JVM options...]: starts the function against the stack's store ($store, its keys in $KEYS), with
# the benchmarks' per-person limit (BENCH_SCAN_LIMIT), and waits for its first ready answer (at most READY_TIMEOUT
# seconds, 120); sets APP_PID, APP_PORT and READY_MS (milliseconds from launch), or
# READY_MS=failed. MODE: default (JAVA_HOME's java, else the PATH's), appcds, jdk25, aot-train, aot (JAVA_AOT_HOME); any
# other MODE is the default JVM with the given options, its log in start-MODE.log.
launch() {
  local app=$1 mode=$2 java_bin=${JAVA_HOME:+$JAVA_HOME/bin/}java; shift 2
  APP_PORT=$(free_port)
  local opts=("$@")
  case $mode in
    appcds) [[ -f "$app/app-cds.jsa" ]] || { READY_MS=failed; return; }; opts+=(-XX:SharedArchiveFile="$app/app-cds.jsa" -Xshare:auto) ;;
    jdk25) java_bin="$JAVA_AOT_HOME/bin/java" ;;
    aot-train) java_bin="$JAVA_AOT_HOME/bin/java"; opts+=(-XX:AOTCacheOutput="$app/app.aot") ;;
    aot) java_bin="$JAVA_AOT_HOME/bin/java"; [[ -f "$app/app.aot" ]] || { READY_MS=failed; return; }; opts+=(-XX:AOTCache="$app/app.aot") ;;
  esac
  local t0; t0=$(date +%s%N)
  CHECKIN_SCAN_RATE_LIMIT_PER_MINUTE=$BENCH_SCAN_LIMIT QUARKUS_HTTP_PORT=$APP_PORT \
    QUARKUS_MONGODB_CONNECTION_STRING="$store" MP_JWT_VERIFY_ISSUER=https://checkin.local/dev \
    MP_JWT_VERIFY_PUBLICKEY_LOCATION="$KEYS/auth-public.pem" \
    CHECKIN_CODES_VERIFICATION_KEYS_LOCATION="$KEYS/code-keys.jwks.json" \
    CHECKIN_CODES_SIGNING_KEY_LOCATION="$KEYS/code-signing.jwk.json" CHECKIN_CODES_PUBLIC_BASE_URL=http://localhost \
    "$java_bin" "${opts[@]}" -jar "$app/quarkus-run.jar" > "$BENCH_DIR/start-$mode.log" 2>&1 &
  APP_PID=$!
  local deadline=$((SECONDS + ${READY_TIMEOUT:-120}))
  until curl -sf -o /dev/null "http://127.0.0.1:$APP_PORT/q/health/ready"; do
    if ! kill -0 "$APP_PID" 2>/dev/null || (( SECONDS > deadline )); then
      kill -KILL "$APP_PID" 2>/dev/null || true; READY_MS=failed; return
    fi
    sleep 0.01
  done
  READY_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
}
stop_app() { kill -TERM "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true; }
