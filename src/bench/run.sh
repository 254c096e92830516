#!/usr/bin/env bash
# Benchmark of revoke-token-bot's Slack acks and follow-ups (see src/bench/README.md).
#
#   ./src/bench/run.sh [baseline|slow-influx|soak|all]     (default: all)
#
# Builds the service, starts two standalone WireMocks (Slack, InfluxDB) and the service on free
# loopback ports, runs src/bench/LoadDriver.java, and stops everything it started on exit (the
# functions for this are in src/bench/lib.sh, shared with src/bench/peers.sh).
# Output and logs go to target/bench/<scenario>/; the service's ledger to target/bench/<scenario>/data/,
# new for each scenario.
#
# Environment (optional):
#   BENCH_JVM_FLAGS   JVM flags for the service (default: the chart's, CHART_JVM_FLAGS in lib.sh: a heap cap
#                     for a 256 MiB container)
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

# shellcheck source=src/bench/lib.sh
. src/bench/lib.sh

# The chart's flags unless told otherwise: a heap cap for a 256 MiB container.
JVM_FLAGS=${BENCH_JVM_FLAGS:-$CHART_JVM_FLAGS}
CONCURRENCY=10
BASELINE_COMMANDS=2000
# Warm-up rounds of 1000 commands + 1000 clicks before measuring: after one, the JIT compiler was
# still using 40% of the service's CPU in the measured round; after four, a third; after eight, a
# fifth to a quarter (src/bench/BENCHMARKS.md).
WARMUP_ROUNDS=8

trap stop_all EXIT
trap 'exit 130' INT TERM

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

  service_env "$slack_port" "$influx_port" "$service_port" "$data"
  # shellcheck disable=SC2086 # JVM_FLAGS is a list of flags
  # As the README and the image start it: from target/quarkus-app, with its AOT cache (lib.sh's train_bot).
  (cd target/quarkus-app && exec env "${SERVICE_ENV[@]}" "$BENCH_JAVA" $JVM_FLAGS $(aot_flag .) -jar quarkus-run.jar) \
    >"$out/service.log" 2>&1 &
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
    --jvm-flags "$BENCH_JAVA $JVM_FLAGS $(cd target/quarkus-app && aot_flag .)" \
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
