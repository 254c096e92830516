#!/usr/bin/env bash
# Benchmark of revoke-token-bot's Slack acks and follow-ups (see src/bench/README.md).
#
#   ./src/bench/run.sh [baseline|slow-influx|soak|all]     (default: all)
#
# Builds the service, starts two standalone WireMocks (Slack, InfluxDB) and the service on free
# loopback ports, runs src/bench/LoadDriver.java, and stops everything it started on exit.
# Output and logs go to target/bench/<scenario>/; the service's ledger to target/bench/<scenario>/data/,
# new for each scenario.
#
# Environment (optional):
#   BENCH_JVM_FLAGS   JVM flags for the service (default below: a heap cap for a 256 MiB container)
#   BENCH_SKIP_BUILD  1 to reuse an existing target/quarkus-app and WireMock jar
#   BENCH_DRIVER_ARGS extra LoadDriver options, applied last, e.g. "--concurrency 1" or "--rate 50"
set -euo pipefail

cd "$(dirname "$0")/../.."

SCENARIO=${1:-all}
case "$SCENARIO" in
  baseline | slow-influx | soak | all) ;;
  *)
    echo "usage: $0 [baseline|slow-influx|soak|all]" >&2
    exit 2
    ;;
esac

WIREMOCK_VERSION=3.13.2
WIREMOCK_JAR=target/bench/wiremock-standalone-$WIREMOCK_VERSION.jar
# The InfluxDB WireMock's extension that remembers deleted tokens (src/bench/wiremock/InfluxTokenState.java).
EXTENSION_SOURCE=src/bench/wiremock/InfluxTokenState.java
EXTENSION_DIR=target/bench/wiremock-extension
EXTENSION_CLASS=$EXTENSION_DIR/bench/InfluxTokenState.class
# Sized for a 256 MiB container; src/bench/BENCHMARKS.md says why each flag is there.
JVM_FLAGS=${BENCH_JVM_FLAGS:-"-Xmx64m -Xss512k -XX:MaxMetaspaceSize=96m -XX:ReservedCodeCacheSize=48m -XX:MaxDirectMemorySize=32m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=5000 -XX:ThreadPriorityPolicy=1 -XX:JavaPriority1_To_OSPriority=19 -XX:+ExitOnOutOfMemoryError"}
SIGNING_SECRET=bench-signing-secret
CONCURRENCY=10
BASELINE_COMMANDS=2000
# Warm-up rounds of 1000 commands + 1000 clicks before measuring: after one, the JIT compiler was
# still using 40% of the service's CPU in the measured round; after four, a third; after eight, a
# fifth to a quarter (src/bench/BENCHMARKS.md).
WARMUP_ROUNDS=8

PIDS=()

stop_all() {
  local pid i
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    for i in $(seq 1 150); do
      kill -0 "$pid" 2>/dev/null || break
      sleep 0.1
    done
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  done
  PIDS=()
}
trap stop_all EXIT
trap 'exit 130' INT TERM

USED_PORTS=" "
# A loopback port nothing listens on (connecting is refused), not handed out before in this run, and
# below Linux's ephemeral range (32768-60999), where the driver's own connections could hold it.
free_port() {
  local port i
  for i in $(seq 1 100); do
    port=$((20000 + RANDOM % 12000))
    if [[ $USED_PORTS != *" $port "* ]] && ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      USED_PORTS+="$port "
      echo "$port"
      return 0
    fi
  done
  echo "no free port found" >&2
  return 1
}

build() {
  if [[ ${BENCH_SKIP_BUILD:-0} == 1 && -f target/quarkus-app/quarkus-run.jar && -f $WIREMOCK_JAR ]]; then
    echo "reusing target/quarkus-app and $WIREMOCK_JAR (BENCH_SKIP_BUILD=1)"
    return
  fi
  echo "building the service (tests skipped for the benchmark build only)..."
  ./mvnw -B -q package -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true
  ./mvnw -B -q dependency:copy -Dartifact=org.wiremock:wiremock-standalone:$WIREMOCK_VERSION -DoutputDirectory=target/bench
}

# Compiles the InfluxDB WireMock's extension against the WireMock jar, unless it is up to date.
compile_extension() {
  if [[ -f $EXTENSION_CLASS && $EXTENSION_CLASS -nt $EXTENSION_SOURCE && $EXTENSION_CLASS -nt $WIREMOCK_JAR ]]; then
    return
  fi
  rm -rf "$EXTENSION_DIR"
  javac --release 17 -nowarn -cp "$WIREMOCK_JAR" -d "$EXTENSION_DIR" "$EXTENSION_SOURCE"
}

# start_wiremock NAME PORT LOG [OPTION...]: one WireMock with the mappings in src/bench/wiremock/NAME.
start_wiremock() {
  local name=$1 port=$2 log=$3
  shift 3
  # Async responses: InfluxDB's 10 s delays wait on a scheduler, not on Jetty's request threads.
  java -Xmx1g -cp "$WIREMOCK_JAR:$EXTENSION_DIR" wiremock.Run --bind-address 127.0.0.1 --port "$port" \
    --root-dir "src/bench/wiremock/$name" --disable-banner --disable-gzip \
    --async-response-enabled true --async-response-threads 32 --container-threads 64 \
    "$@" >"$log" 2>&1 &
  PIDS+=("$!")
}

# run_scenario NAME DRIVER-ARGS...: fresh WireMocks and a fresh service, then the driver.
run_scenario() {
  local name=$1
  shift
  local out=target/bench/$name
  mkdir -p "$out"
  # A new ledger for each scenario (the embedded H2 file), under target/, never the repository's root.
  local data=$PWD/$out/data
  rm -rf "$data"
  mkdir -p "$data"
  local slack_port influx_port service_port
  # (errexit does not apply inside a function called with ||, hence the explicit returns)
  slack_port=$(free_port) || return 1
  influx_port=$(free_port) || return 1
  service_port=$(free_port) || return 1
  start_wiremock slack "$slack_port" "$out/wiremock-slack.log"
  local slack_pid=$!
  # InfluxDB forgets a token once it is deleted: GET answers 200 before the DELETE, 404 after.
  start_wiremock influx "$influx_port" "$out/wiremock-influx.log" --extensions bench.InfluxTokenState
  local influx_pid=$!

  # The read timeout outlasts the slow scenario's 10 s InfluxDB answers (the default is 5 s).
  # The embedded ledger under $data: a REVOKE_LEDGER_URL from the caller's environment would switch
  # the service to a shared PostgreSQL ledger, so it is removed.
  # shellcheck disable=SC2086 # JVM_FLAGS is a list of flags
  env -u REVOKE_LEDGER_URL -u REVOKE_LEDGER_USERNAME -u REVOKE_LEDGER_PASSWORD \
    SLACK_SIGNING_SECRET="$SIGNING_SECRET" \
    SLACK_BOT_TOKEN=xoxb-bench \
    SLACK_API_URL="http://127.0.0.1:$slack_port/api/" \
    INFLUX_URL="http://127.0.0.1:$influx_port" \
    INFLUX_TOKEN=bench \
    REVOKE_APPROVERS=UAPPROVER1 \
    REVOKE_STATE_KEY=bench-key \
    REVOKE_DATA_DIR="$data" \
    QUARKUS_HTTP_HOST=127.0.0.1 \
    QUARKUS_HTTP_PORT="$service_port" \
    INFLUX_READ_TIMEOUT=15S \
    java $JVM_FLAGS -jar target/quarkus-app/quarkus-run.jar >"$out/service.log" 2>&1 &
  local service_pid=$!
  PIDS+=("$service_pid")

  echo "== $name: Slack WireMock :$slack_port, InfluxDB WireMock :$influx_port, service :$service_port (pid $service_pid)"
  local rc=0
  # shellcheck disable=SC2086 # BENCH_DRIVER_ARGS is a list of words
  java src/bench/LoadDriver.java \
    --scenario "$name" \
    --service "http://127.0.0.1:$service_port" \
    --slack "http://127.0.0.1:$slack_port" \
    --influx "http://127.0.0.1:$influx_port" \
    --pid "$service_pid" \
    --secret "$SIGNING_SECRET" \
    --concurrency "$CONCURRENCY" \
    --warmup-rounds "$WARMUP_ROUNDS" \
    --jvm-flags "$JVM_FLAGS" \
    --other-pids "Slack WireMock=$slack_pid,InfluxDB WireMock=$influx_pid" \
    --diagnostics "$out" \
    --data-dir "$out/data" \
    "$@" ${BENCH_DRIVER_ARGS:-} | tee "$out/summary.txt" || rc=$?
  if ! kill -0 "$service_pid" 2>/dev/null; then
    echo "the service exited during the run; see $out/service.log" >&2
    rc=1
  fi
  stop_all
  return "$rc"
}

build
compile_extension
failed=()
if [[ $SCENARIO == baseline || $SCENARIO == all ]]; then
  run_scenario baseline --commands "$BASELINE_COMMANDS" || failed+=(baseline)
fi
if [[ $SCENARIO == slow-influx || $SCENARIO == all ]]; then
  # InfluxDB answers GET and DELETE for "fff..." IDs after 10 s; the warm-up uses fast IDs.
  run_scenario slow-influx --commands 50 --slow-ids true --follow-up-deadline 300 || failed+=(slow-influx)
fi
if [[ $SCENARIO == soak || $SCENARIO == all ]]; then
  # Ten times the baseline, in rounds of the baseline's size, so WireMock's journal stays small.
  run_scenario soak --commands $((10 * BASELINE_COMMANDS)) --rounds 10 || failed+=(soak)
fi

if ((${#failed[@]})); then
  echo "scenarios with errors: ${failed[*]}" >&2
  exit 1
fi
echo "all scenarios clean; summaries in target/bench/*/summary.txt"
