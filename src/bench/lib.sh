# Shared by src/bench/run.sh and src/bench/peers.sh (sourced, not run): building the service and
# the WireMock stand-ins, free ports, starting WireMock and the service, stopping what was started.
# The sourcing script cds to the repository's root first, and sets its own traps:
#   trap stop_all EXIT; trap 'exit 130' INT TERM
# shellcheck shell=bash

WIREMOCK_VERSION=3.13.2
WIREMOCK_JAR=target/bench/wiremock-standalone-$WIREMOCK_VERSION.jar
# The InfluxDB WireMock's extension that remembers deleted tokens (src/bench/wiremock/InfluxTokenState.java).
EXTENSION_SOURCE=src/bench/wiremock/InfluxTokenState.java
EXTENSION_DIR=target/bench/wiremock-extension
EXTENSION_CLASS=$EXTENSION_DIR/bench/InfluxTokenState.class
# The Helm chart's JVM flags (jvm.options and jvm.gc in helm/revoke-token-bot/values.yaml), sized for
# a 256 MiB container; src/bench/BENCHMARKS.md says why each flag is there.
CHART_JVM_FLAGS="-Xmx48m -XX:SurvivorRatio=4 -XX:TargetSurvivorRatio=80 -Xss512k -XX:MaxMetaspaceSize=96m -XX:ReservedCodeCacheSize=48m -XX:MaxDirectMemorySize=32m -XX:+UseSerialGC -XX:TrimNativeHeapInterval=5000 -XX:TieredStopAtLevel=1 -XX:ThreadPriorityPolicy=1 -XX:JavaPriority1_To_OSPriority=19 -XX:+ExitOnOutOfMemoryError"
SIGNING_SECRET=bench-signing-secret

# The JVM the bot and the floor run on, as the image runs the bot: Java 25 or newer, for the AOT cache
# (JEP 483/514/515). AOT_JAVA_HOME names its JDK, else Temurin's 25 under /usr/lib/jvm; BENCH_JAVA
# overrides (a Java 17 runs them without a cache). Tools, WireMock and the driver run on `java`.
bench_java() {
  local jdk
  for jdk in "${AOT_JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-* /usr/lib/jvm/java-25-openjdk-*; do
    if [[ -n $jdk && -x $jdk/bin/java ]]; then
      echo "$jdk/bin/java"
      return
    fi
  done
  echo java
}
BENCH_JAVA=${BENCH_JAVA:-$(bench_java)}

# java_release JAVA: its feature release (17, 25, ...).
java_release() {
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}

# aot_flag DIR: the flags that start from DIR's AOT cache (DIR/app.aot) when BENCH_JAVA has one there.
# AOTMode=on: a cache the JVM cannot use (one trained with other flags, say compact object headers)
# stops the start, instead of the run going on without a cache, unnoticed, as the default mode would.
aot_flag() {
  [[ -s $1/app.aot ]] && echo "-XX:AOTCache=app.aot -XX:AOTMode=on"
  return 0
}

# cache_is_current DIR FLAGS NEWER_THAN...: DIR/app.aot is there, newer than each path given, and was
# trained with BENCH_JAVA and FLAGS (noted in DIR/app.aot.flags by note_cache_flags).
cache_is_current() {
  local dir=$1 flags=$2 path
  shift 2
  [[ -s $dir/app.aot && -f $dir/app.aot.flags && $(<"$dir/app.aot.flags") == "$BENCH_JAVA $flags" ]] || return 1
  for path in "$@"; do
    [[ $dir/app.aot -nt $path ]] || return 1
  done
}

# note_cache_flags DIR FLAGS: what DIR/app.aot was trained with, for cache_is_current.
note_cache_flags() {
  echo "$BENCH_JAVA $2" >"$1/app.aot.flags"
}

# train_bot: the bot's AOT cache, as the README and the image write it (src/main/docker/Dockerfile.jvm):
# one run with -Drevoke.training=true that starts, answers, and exits; from target/quarkus-app, with
# the chart's flags. Skipped on a Java before 25, and when the cache is newer than the jar and was
# trained with the same Java and flags.
train_bot() {
  local dir=target/quarkus-app
  if (($(java_release "$BENCH_JAVA") < 25)); then
    rm -f "$dir/app.aot"
    return
  fi
  if cache_is_current "$dir" "$CHART_JVM_FLAGS" "$dir/quarkus-run.jar" "$dir/app"; then
    return
  fi
  echo "training the bot's AOT cache ($BENCH_JAVA)..."
  local data
  data=$(mktemp -d)
  local rc=0
  # shellcheck disable=SC2086 # CHART_JVM_FLAGS is a list of flags
  (cd "$dir" && env -u REVOKE_LEDGER_URL REVOKE_DATA_DIR="$data" "$BENCH_JAVA" $CHART_JVM_FLAGS \
    -XX:AOTCacheOutput=app.aot -Drevoke.training=true -jar quarkus-run.jar) >target/bench/training.log 2>&1 || rc=$?
  rm -rf "$data"
  # A training run that fails still leaves a cache, of a bot that did not start right: not kept.
  if [[ $rc != 0 || ! -s $dir/app.aot ]]; then
    rm -f "$dir/app.aot"
    echo "the training run failed; see target/bench/training.log" >&2
    return 1
  fi
  note_cache_flags "$dir" "$CHART_JVM_FLAGS"
}
SERVICE_JAR=target/quarkus-app/quarkus-run.jar

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

# Packages the service (tests skipped) and fetches the WireMock jar, unless BENCH_SKIP_BUILD=1 and
# both are there.
build() {
  mkdir -p target/bench
  if [[ ${BENCH_SKIP_BUILD:-0} == 1 && -f $SERVICE_JAR && -f $WIREMOCK_JAR ]]; then
    echo "reusing target/quarkus-app and $WIREMOCK_JAR (BENCH_SKIP_BUILD=1)"
    train_bot
    return
  fi
  echo "building the service (tests skipped for the benchmark build only)..."
  ./mvnw -B -q package -DskipTests -Dspotless.check.skip=true -Djacoco.skip=true
  ./mvnw -B -q dependency:copy -Dartifact=org.wiremock:wiremock-standalone:$WIREMOCK_VERSION -DoutputDirectory=target/bench
  train_bot
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

# service_env SLACK-PORT INFLUX-PORT SERVICE-PORT DATA-DIR: sets SERVICE_ENV to the arguments of
# env(1) that give the service its environment: pointed at the two WireMocks, listening on
# 127.0.0.1:SERVICE-PORT, with its embedded ledger in DATA-DIR. Run it as
#   env "${SERVICE_ENV[@]}" java ... &
# so that $! is the JVM's own PID (env execs it; a backgrounded shell function would be a subshell).
service_env() {
  local slack_port=$1 influx_port=$2 service_port=$3 data=$4
  # The read timeout outlasts the slow scenario's 10 s InfluxDB answers (the default is 5 s).
  # The embedded ledger under $data: a REVOKE_LEDGER_URL from the caller's environment would switch
  # the service to a shared PostgreSQL ledger, so it is removed.
  SERVICE_ENV=(
    -u REVOKE_LEDGER_URL -u REVOKE_LEDGER_USERNAME -u REVOKE_LEDGER_PASSWORD
    SLACK_SIGNING_SECRET="$SIGNING_SECRET"
    SLACK_BOT_TOKEN=xoxb-bench
    SLACK_API_URL="http://127.0.0.1:$slack_port/api/"
    INFLUX_URL="http://127.0.0.1:$influx_port"
    INFLUX_TOKEN=bench
    REVOKE_APPROVERS=UAPPROVER1
    REVOKE_STATE_KEY=bench-key
    REVOKE_DATA_DIR="$data"
    QUARKUS_HTTP_HOST=127.0.0.1
    QUARKUS_HTTP_PORT="$service_port"
    INFLUX_READ_TIMEOUT=15S
  )
}
