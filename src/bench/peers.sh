#!/usr/bin/env bash
# The bot beside two peers, in one run on one machine, with the same signed requests (see
# src/bench/README.md, "Peers"):
#   bot                 the bot, `java <BOT_JVM_FLAGS> -jar target/quarkus-app/quarkus-run.jar`, pointed at
#                       the WireMock stand-ins as in run.sh (default flags: the Helm chart's)
#   bot-plain           the same, plain `java -jar` (no flags)
#   quarkus-bolt        the floor: Quarkus and Bolt for Java as the bot has them, one resource that
#                       verifies the signature and acks (src/bench/peers/quarkus-bolt), with FLOOR_JVM_FLAGS
#   quarkus-bolt-plain  the same, plain `java -jar`
#   bolt-js             a bare Bolt for JavaScript app (src/bench/peers/bolt-js), `node app.js`
# For each, one after the other: start time (launch to the health path's first 200) and the first
# ack, PEERS_LAUNCHES times; resident memory idle after the start; then acks only under load
# (LoadDriver --ack-only true, concurrency 10). Prints a markdown table, also written to
# target/bench/peers/summary.md; logs and the driver's summaries in target/bench/peers/runs/<app>/.
#
#   ./src/bench/peers.sh
#
# Environment (optional):
#   BENCH_SKIP_BUILD=1       reuse the builds: the bot and the WireMock jar (as run.sh), the floor
#                            app, and the Bolt-JS app's node_modules
#   PEERS_APPS               the apps, in this order (default: all five above)
#   BOT_JVM_FLAGS            the bot's flags (default: the chart's, $CHART_JVM_FLAGS in lib.sh; set it
#                            empty for none)
#   FLOOR_JVM_FLAGS          the floor's flags in quarkus-bolt (default: BOT_JVM_FLAGS)
#   BOLTJS_NODE_FLAGS        node's flags for bolt-js (default: none)
#   PEERS_LAUNCHES           launches per app for the start time and idle RSS (default 5)
#   PEERS_SETTLE_SECONDS     wait after the first ack before reading the idle RSS (default 5)
#   PEERS_COMMANDS           measured commands per app (default 2000)
#   PEERS_WARMUP             commands per warm-up round (default 1000)
#   PEERS_WARMUP_ROUNDS      warm-up rounds before measuring (default 8)
#   PEERS_DRIVER_ARGS        extra LoadDriver options, applied last, e.g. "--rate 200"
set -euo pipefail

cd "$(dirname "$0")/../.."
# shellcheck source=src/bench/lib.sh
. src/bench/lib.sh

APPS=${PEERS_APPS:-"bot bot-plain quarkus-bolt quarkus-bolt-plain bolt-js"}
BOT_FLAGS=${BOT_JVM_FLAGS-$CHART_JVM_FLAGS}
FLOOR_FLAGS=${FLOOR_JVM_FLAGS-$BOT_FLAGS}
BOLTJS_NODE_FLAGS=${BOLTJS_NODE_FLAGS:-}
LAUNCHES=${PEERS_LAUNCHES:-5}
SETTLE_SECONDS=${PEERS_SETTLE_SECONDS:-5}
COMMANDS=${PEERS_COMMANDS:-2000}
WARMUP=${PEERS_WARMUP:-1000}
WARMUP_ROUNDS=${PEERS_WARMUP_ROUNDS:-8}
CONCURRENCY=10

OUT=target/bench/peers
FLOOR_POM=src/bench/peers/quarkus-bolt/pom.xml
FLOOR_DIR=$OUT/quarkus-bolt/quarkus-app
FLOOR_JAR=$FLOOR_DIR/quarkus-run.jar
BOLTJS_SOURCE=src/bench/peers/bolt-js
BOLTJS_DIR=$OUT/bolt-js
TOOLS=target/bench/tools
# The launcher's own JVM: small and quick, it only polls while the app starts.
TOOL_JVM="java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx32m -Xshare:auto"

for app in $APPS; do
  case "$app" in
    bot | bot-plain | quarkus-bolt | quarkus-bolt-plain | bolt-js) ;;
    *)
      echo "unknown app in PEERS_APPS: $app (known: bot bot-plain quarkus-bolt quarkus-bolt-plain bolt-js)" >&2
      exit 2
      ;;
  esac
done
wants() { [[ " $APPS " == *" $1"* ]]; }

trap stop_all EXIT
trap 'exit 130' INT TERM

build_all() {
  if wants bot; then
    build
    compile_extension
  fi
  if wants quarkus-bolt; then
    if [[ ${BENCH_SKIP_BUILD:-0} == 1 && -f $FLOOR_JAR ]]; then
      echo "reusing $FLOOR_JAR (BENCH_SKIP_BUILD=1)"
    else
      echo "building the Quarkus + Bolt floor app..."
      ./mvnw -B -q -f "$FLOOR_POM" package -DskipTests
    fi
  fi
  if wants bolt-js; then
    mkdir -p "$BOLTJS_DIR"
    cp "$BOLTJS_SOURCE/package.json" "$BOLTJS_SOURCE/package-lock.json" "$BOLTJS_SOURCE/app.js" "$BOLTJS_DIR/"
    if [[ ${BENCH_SKIP_BUILD:-0} == 1 && -f $BOLTJS_DIR/node_modules/.package-lock.json ]]; then
      echo "reusing $BOLTJS_DIR/node_modules (BENCH_SKIP_BUILD=1)"
    else
      echo "installing the Bolt-JS app (npm ci, from package-lock.json)..."
      (cd "$BOLTJS_DIR" && npm ci --no-audit --no-fund --loglevel=error)
    fi
  fi
  if [[ ! -f $TOOLS/Launch.class || src/bench/Launch.java -nt $TOOLS/Launch.class ]]; then
    mkdir -p "$TOOLS"
    javac --release 17 -nowarn -d "$TOOLS" src/bench/Launch.java
  fi
  if wants quarkus-bolt; then
    train_floor
  fi
}

# The floor's AOT cache, trained as the bot's is: one start that answers a signed command, then stops
# (the floor has no training mode, so Launch starts it, sends the command and stops it).
train_floor() {
  if (($(java_release "$BENCH_JAVA") < 25)); then
    rm -f "$FLOOR_DIR/app.aot"
    return
  fi
  if cache_is_current "$FLOOR_DIR" "$FLOOR_FLAGS" "$FLOOR_JAR"; then
    return
  fi
  echo "training the floor's AOT cache ($BENCH_JAVA)..."
  rm -f "$FLOOR_DIR/app.aot"
  local port
  port=$(free_port) || return 1
  # shellcheck disable=SC2086 # TOOL_JVM and FLOOR_FLAGS are lists of words
  env SLACK_SIGNING_SECRET="$SIGNING_SECRET" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port" \
    $TOOL_JVM -cp "$TOOLS" Launch --health "http://127.0.0.1:$port/q/health/live" \
    --events "http://127.0.0.1:$port/slack/events" --secret "$SIGNING_SECRET" \
    --log "$OUT/floor-training.log" --settle-seconds 1 --keep false --dir "$FLOOR_DIR" \
    -- "$BENCH_JAVA" $FLOOR_FLAGS -XX:AOTCacheOutput=app.aot -jar quarkus-run.jar >/dev/null
  test -s "$FLOOR_DIR/app.aot" && note_cache_flags "$FLOOR_DIR" "$FLOOR_FLAGS"
}

# What the table says about each app.
label() {
  case "$1" in
    bot) echo "bot ($(flags_name "$BOT_FLAGS" BOT_JVM_FLAGS)$(aot_label target/quarkus-app))" ;;
    bot-plain) echo "bot (plain java -jar)" ;;
    quarkus-bolt) echo "Quarkus + Bolt floor ($(flags_name "$FLOOR_FLAGS" FLOOR_JVM_FLAGS)$(aot_label "$FLOOR_DIR"))" ;;
    quarkus-bolt-plain) echo "Quarkus + Bolt floor (plain java -jar)" ;;
    bolt-js) echo "Bolt-JS $BOLTJS_VERSION (node)" ;;
  esac
}

# aot_label DIR: ", Java N AOT cache" when DIR has one.
aot_label() {
  [[ -s $1/app.aot ]] && echo ", Java $(java_release "$BENCH_JAVA") AOT cache"
  return 0
}

# flags_name FLAGS VARIABLE: "chart's flags", "no flags", or the variable that set them.
flags_name() {
  if [[ $1 == "$CHART_JVM_FLAGS" ]]; then
    echo "chart's JVM flags"
  elif [[ -z $1 ]]; then
    echo "no flags"
  else
    echo "$2"
  fi
}

flags_of() {
  case "$1" in
    bot) echo "$BOT_FLAGS" ;;
    quarkus-bolt) echo "$FLOOR_FLAGS" ;;
    bolt-js) echo "$BOLTJS_NODE_FLAGS" ;;
    *) echo "" ;;
  esac
}

# Results, by "app metric".
declare -A R

# measure APP: launches it PEERS_LAUNCHES times (the last one stays up), then the load. Returns 1 on errors.
measure() {
  local app=$1
  local out=$OUT/runs/$app
  rm -rf "$out"
  mkdir -p "$out"
  local flags
  flags=$(flags_of "$app")
  local -a launch_env cmd driver_extra=()
  local health ready dir=
  local slack_port influx_port
  case "$app" in
    bot | bot-plain)
      slack_port=$(free_port) || return 1
      influx_port=$(free_port) || return 1
      start_wiremock slack "$slack_port" "$out/wiremock-slack.log"
      local slack_pid=$!
      start_wiremock influx "$influx_port" "$out/wiremock-influx.log" --extensions bench.InfluxTokenState
      local influx_pid=$!
      # One ledger per app, new for its first launch (which creates the schema); later launches open it,
      # as a restarted pod would.
      mkdir -p "$PWD/$out/data"
      # As the README and the image start it: from target/quarkus-app, on BENCH_JAVA with its AOT
      # cache (lib.sh's train_bot); bot-plain is the bare `java -jar`, no flags and no cache.
      if [[ $app == bot ]]; then
        # shellcheck disable=SC2206 # flags is a list of words
        cmd=("$BENCH_JAVA" $flags $(aot_flag target/quarkus-app) -jar quarkus-run.jar)
        dir=target/quarkus-app
      else
        # shellcheck disable=SC2206 # flags is a list of words
        cmd=(java $flags -jar "$SERVICE_JAR")
      fi
      health=/q/health/live
      ready=/q/health/ready
      driver_extra=(--slack "http://127.0.0.1:$slack_port" --influx "http://127.0.0.1:$influx_port"
        --other-pids "Slack WireMock=$slack_pid,InfluxDB WireMock=$influx_pid")
      # The WireMocks must answer before the bot's first launch, so that its start is not theirs.
      wait_http "http://127.0.0.1:$slack_port/__admin/health" || return 1
      wait_http "http://127.0.0.1:$influx_port/__admin/health" || return 1
      ;;
    quarkus-bolt)
      # shellcheck disable=SC2206
      cmd=("$BENCH_JAVA" $flags $(aot_flag "$FLOOR_DIR") -jar quarkus-run.jar)
      dir=$FLOOR_DIR
      health=/q/health/live
      ready=/q/health/ready
      ;;
    quarkus-bolt-plain)
      # shellcheck disable=SC2206
      cmd=(java $flags -jar "$FLOOR_JAR")
      health=/q/health/live
      ready=/q/health/ready
      ;;
    bolt-js)
      # shellcheck disable=SC2206
      cmd=(node $flags "$BOLTJS_DIR/app.js")
      health=/health
      ready=/health
      ;;
  esac

  echo "== $(label "$app"): ${cmd[*]}"
  local i port line pid=""
  local -a starts=() cpus=() acks=() rsss=()
  R[$app first_ack_errors]=0
  for i in $(seq 1 "$LAUNCHES"); do
    port=$(free_port) || return 1
    case "$app" in
      bot | bot-plain)
        service_env "$slack_port" "$influx_port" "$port" "$PWD/$out/data"
        launch_env=(env "${SERVICE_ENV[@]}")
        ;;
      quarkus-bolt | quarkus-bolt-plain)
        launch_env=(env SLACK_SIGNING_SECRET="$SIGNING_SECRET" QUARKUS_HTTP_HOST=127.0.0.1 QUARKUS_HTTP_PORT="$port")
        ;;
      bolt-js)
        launch_env=(env SLACK_SIGNING_SECRET="$SIGNING_SECRET" HOST=127.0.0.1 PORT="$port" NODE_ENV=production)
        ;;
    esac
    echo "--- launch $i" >>"$out/app.log"
    # shellcheck disable=SC2086 # TOOL_JVM is a list of words
    if ! line=$("${launch_env[@]}" $TOOL_JVM -cp "$TOOLS" Launch \
      --health "http://127.0.0.1:$port$health" --events "http://127.0.0.1:$port/slack/events" \
      --secret "$SIGNING_SECRET" --log "$out/app.log" --settle-seconds "$SETTLE_SECONDS" \
      --keep "$([[ $i == "$LAUNCHES" ]] && echo true || echo false)" --dir "${dir:-.}" -- "${cmd[@]}"); then
      echo "launch $i of $app failed; see $out/app.log" >&2
      R[$app errors]="launch failed"
      return 1
    fi
    echo "launch $i: ${line#launch: }"
    pid=$(field pid "$line")
    starts+=("$(field start_ms "$line")")
    cpus+=("$(field start_cpu_ms "$line")")
    acks+=("$(field first_ack_ms "$line")")
    rsss+=("$(field rss_idle_kib "$line")")
    if [[ $(field first_ack "$line") != ok ]]; then
      R[$app first_ack_errors]=$((${R[$app first_ack_errors]:-0} + 1))
    fi
  done
  PIDS+=("$pid")
  R[$app start]=$(stats "%.0f" 1 "${starts[@]}")
  R[$app start_cpu]=$(stats "%.1f" 1000 "${cpus[@]}")
  R[$app first_ack]=$(stats "%.0f" 1 "${acks[@]}")
  R[$app rss_idle]=$(stats "%.1f" 1024 "${rsss[@]}")

  local rc=0
  # shellcheck disable=SC2086 # PEERS_DRIVER_ARGS is a list of words
  java src/bench/LoadDriver.java --ack-only true \
    --scenario "peers-$app" \
    --service "http://127.0.0.1:$port" \
    --ready-path "$ready" \
    --pid "$pid" \
    --secret "$SIGNING_SECRET" \
    --concurrency "$CONCURRENCY" \
    --commands "$COMMANDS" \
    --warmup "$WARMUP" \
    --warmup-rounds "$WARMUP_ROUNDS" \
    --jvm-flags "${cmd[*]}" \
    "${driver_extra[@]}" ${PEERS_DRIVER_ARGS:-} 2>&1 | tee "$out/summary.txt" | sed 's/^/  /' || rc=$?
  if ! kill -0 "$pid" 2>/dev/null; then
    echo "$app exited during the run; see $out/app.log" >&2
    rc=1
  fi
  local result
  result=$(grep '^ack-only result:' "$out/summary.txt" || true)
  if [[ -n $result ]]; then
    R[$app p50]=$(field p50_ms "$result")
    R[$app p99]=$(field p99_ms "$result")
    R[$app max]=$(field max_ms "$result")
    R[$app rps]=$(field req_per_s "$result")
    R[$app cpu]=$(field cpu_ms_per_command "$result")
    R[$app rss_end]="$(field rss_end_mib "$result") / $(field rss_peak_mib "$result")"
    R[$app threads]=$(field threads "$result")
    R[$app errors]=$(field errors "$result")
  else
    R[$app errors]="driver failed"
  fi
  return "$rc"
}

# wait_http URL: until it answers 200 (60 s at most), polling every 100 ms.
wait_http() {
  local i
  for i in $(seq 1 600); do
    if [[ $(curl -s -o /dev/null -w '%{http_code}' "$1" 2>/dev/null) == 200 ]]; then
      return 0
    fi
    sleep 0.1
  done
  echo "$1 did not answer 200 within 60 s" >&2
  return 1
}

# field NAME LINE: the value of NAME=value in a "key=value key=value" line.
field() {
  sed -n "s/.*[ :]$1=\([^ ]*\).*/\1/p" <<<" $2"
}

# stats FORMAT DIVISOR VALUE...: "median (min-max)" of the values divided by DIVISOR, or the one value.
stats() {
  local format=$1 divisor=$2
  shift 2
  printf '%s\n' "$@" | sort -g | awk -v f="$format" -v d="$divisor" '
    { v[NR] = $1 / d }
    END {
      if (NR == 0) { print "-"; exit }
      m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
      if (NR == 1) printf f "\n", m
      else printf f " (" f "-" f ")\n", m, v[1], v[NR]
    }'
}

table() {
  local app row
  echo "## Peers: $(date -u '+%Y-%m-%d %H:%M UTC'), $(git rev-parse --short HEAD 2>/dev/null || echo "?")$(git diff --quiet HEAD 2>/dev/null || echo " (with local changes)")"
  echo
  echo "Machine: $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //'), $(nproc) CPUs, $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) RAM;" \
    "load average before: $LOAD_BEFORE, after: $(cut -d' ' -f1-3 /proc/loadavg)."
  echo "$(java -version 2>&1 | head -1); plain \`java -jar\` here gets $PLAIN_JVM.${BOLTJS_VERSION:+ Node $(node --version), @slack/bolt $BOLTJS_VERSION.}"
  echo "Start: $LAUNCHES launches per app, median (min-max); the last launch stays up for the load:" \
    "$WARMUP_ROUNDS x $WARMUP commands of warm-up, then $COMMANDS measured, concurrency $CONCURRENCY, acks only."
  echo
  local header="| |" rule="|---|"
  for app in $APPS; do
    header+=" $(label "$app") |"
    rule+="---|"
  done
  echo "$header"
  echo "$rule"
  row_of() {
    local title=$1 key=$2
    row="| $title |"
    for app in $APPS; do
      row+=" ${R[$app $key]:--} |"
    done
    echo "$row"
  }
  row_of "start: launch to health 200, ms" start
  row_of "CPU used by the start, s" start_cpu
  row_of "first ack right after that, ms" first_ack
  row_of "RSS idle after the start, MiB" rss_idle
  row_of "ack p50, ms" p50
  row_of "ack p99, ms" p99
  row_of "ack max, ms" max
  row_of "throughput, acks/s" rps
  row_of "CPU per command, ms (follow-ups included)" cpu
  row_of "RSS after the load / peak, MiB" rss_end
  row_of "threads after the load" threads
  row_of "errors (load)" errors
  row_of "first acks that failed" first_ack_errors
  echo
  for app in $APPS; do
    local flags
    flags=$(flags_of "$app")
    case "$app" in
      bot) echo "- $(label "$app"): \`cd target/quarkus-app && $BENCH_JAVA ${flags:+$flags }$(aot_flag target/quarkus-app) -jar quarkus-run.jar\`, health /q/health/live; its follow-ups (InfluxDB lookup, request message) go to the WireMocks, and each round waits for them, untimed" ;;
      bot-plain) echo "- $(label "$app"): \`java ${flags:+$flags }-jar target/quarkus-app/quarkus-run.jar\`, health /q/health/live; its follow-ups (InfluxDB lookup, request message) go to the WireMocks, and each round waits for them, untimed" ;;
      quarkus-bolt) echo "- $(label "$app"): \`cd $FLOOR_DIR && $BENCH_JAVA ${flags:+$flags }$(aot_flag "$FLOOR_DIR") -jar quarkus-run.jar\`, health /q/health/live" ;;
      quarkus-bolt-plain) echo "- $(label "$app"): \`java -jar $FLOOR_JAR\`, health /q/health/live" ;;
      bolt-js) echo "- $(label "$app"): \`node ${flags:+$flags }$BOLTJS_DIR/app.js\`, health /health" ;;
    esac
  done
  echo
  echo "Logs and the driver's summaries: $OUT/runs/<app>/."
}

build_all
BOLTJS_VERSION=""
if wants bolt-js; then
  BOLTJS_VERSION=$(node -p "require('./$BOLTJS_DIR/node_modules/@slack/bolt/package.json').version")
fi
PLAIN_JVM=$(java -XX:+PrintFlagsFinal -version 2>/dev/null | awk '
  $2 == "MaxHeapSize" { heap = sprintf("a max heap of %d MiB", $4 / 1048576) }
  $4 == "true" && $2 ~ /^Use(Serial|Parallel|G1|Z|Shenandoah)GC$/ { gc = substr($2, 4) }
  END { print gc ", " heap }')
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)
mkdir -p "$OUT"
failed=()
for app in $APPS; do
  measure "$app" || failed+=("$app")
  stop_all
done
table | tee "$OUT/summary.md"
if ((${#failed[@]})); then
  echo "apps with errors: ${failed[*]}" >&2
  exit 1
fi
