#!/usr/bin/env bash
# Overhead of the reflection probe on a JDBC-heavy workload, side by side with no agent and with
# the OpenTelemetry Java agent (Maven Central), in one run (docs/benchmarks.md, "Probe overhead").
#
# The legacy ERP sample (samples/legacy-erp-jdbc) runs on the local PostgreSQL (schema erp_bench).
# Start-up: the sample is started $STARTS times per mode, modes interleaved, and the time from
# launch to its READY line is taken (for the probe also the time until it logs that it is
# instrumented). Load: per round and mode, the sample is started, warmed up with wrk for $WARMUP,
# then measured with wrk for $DURATION (throughput, mean and p99 latency) while jstat counts what
# the JVM allocated (eden is fixed by -Xmn, so allocation = young collections x eden + eden growth).
# Both agents send to sink.py, which answers like the DaaS server (probe) or an OTLP collector.
# Prints a Markdown table of medians and ratios to no agent.
# Settings (environment): STARTS=7 ROUNDS=3 WARMUP=20s DURATION=30s CONNECTIONS=8 THREADS=2
# OTEL_VERSION=2.22.0 APP_PORT=18090 SINK_PORT=18091
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
STARTS=${STARTS:-7}
ROUNDS=${ROUNDS:-3}
WARMUP=${WARMUP:-20s}
DURATION=${DURATION:-30s}
CONNECTIONS=${CONNECTIONS:-8}
THREADS=${THREADS:-2}
OTEL_VERSION=${OTEL_VERSION:-2.22.0}
APP_PORT=${APP_PORT:-18090}
SINK_PORT=${SINK_PORT:-18091}
APP_JAR=$ROOT/samples/legacy-erp-jdbc/target/legacy-erp-jdbc.jar
PROBE_JAR=$ROOT/reflection-probe/target/reflection-probe-0.1.0-SNAPSHOT.jar
OTEL_JAR=$HERE/target/opentelemetry-javaagent-$OTEL_VERSION.jar
MODES=(none probe otel)
WORK=$(mktemp -d /tmp/daas-probe-bench.XXXXXX)
APP_PID=""
SINK_PID=""

log() { printf '[probe-bench] %s\n' "$*" >&2; }

cleanup() {
  [[ -n "$APP_PID" ]] && kill "$APP_PID" 2>/dev/null || true
  [[ -n "$SINK_PID" ]] && kill "$SINK_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

prepare() {
  command -v wrk >/dev/null || { log "wrk is missing: apt-get install -y wrk"; exit 1; }
  [[ -f "$PROBE_JAR" ]] || (cd "$ROOT/reflection-probe" && mvn -B -q package -DskipTests)
  [[ -f "$APP_JAR" ]] || (cd "$ROOT/samples/legacy-erp-jdbc" && mvn -B -q package -DskipTests)
  if [[ ! -f "$OTEL_JAR" ]]; then
    log "downloading the OpenTelemetry Java agent $OTEL_VERSION from Maven Central"
    mvn -B -q dependency:copy -Dmdep.useBaseVersion=true \
      -Dartifact=io.opentelemetry.javaagent:opentelemetry-javaagent:$OTEL_VERSION \
      -DoutputDirectory="$HERE/target"
  fi
  psql -h 127.0.0.1 -U postgres -d test -qAt -c 'CREATE SCHEMA IF NOT EXISTS erp_bench' >/dev/null
  python3 "$HERE/sink.py" "$SINK_PORT" &
  SINK_PID=$!
}

agent_args() {
  case $1 in
    none) ;;
    probe) echo "-javaagent:$PROBE_JAR=server=http://127.0.0.1:$SINK_PORT,source=bench,token=t" ;;
    otel)
      echo "-javaagent:$OTEL_JAR -Dotel.service.name=erp -Dotel.exporter.otlp.protocol=http/protobuf"
      echo "-Dotel.exporter.otlp.endpoint=http://127.0.0.1:$SINK_PORT"
      echo "-Dotel.metrics.exporter=none -Dotel.logs.exporter=none"
      ;;
  esac
}

# Starts the sample in $1 mode; sets APP_PID, READY_MS and INSTRUMENTED_MS (probe only, else 0).
start_app() {
  local mode=$1 out=$WORK/app.out
  : >"$out"
  local start
  start=$(date +%s%N)
  # shellcheck disable=SC2046
  java -XX:+UseParallelGC -Xms1g -Xmx1g -Xmn512m -XX:-UseAdaptiveSizePolicy $(agent_args "$mode") \
    -jar "$APP_JAR" --port "$APP_PORT" --db-url jdbc:postgresql://127.0.0.1:5432/test \
    --db-user postgres --db-schema erp_bench >"$out" 2>&1 &
  APP_PID=$!
  local ready="" instrumented=""
  for _ in $(seq 1 6000); do
    if [[ -z "$ready" ]] && grep -q '^READY' "$out"; then ready=$(date +%s%N); fi
    if [[ -z "$instrumented" ]] && grep -q 'daas-probe\] instrumented' "$out"; then
      instrumented=$(date +%s%N)
    fi
    if [[ -n "$ready" && ( "$mode" != probe || -n "$instrumented" ) ]]; then break; fi
    kill -0 "$APP_PID" 2>/dev/null || { cat "$out" >&2; log "the sample died"; exit 1; }
    sleep 0.01
  done
  [[ -n "$ready" ]] || { cat "$out" >&2; log "no READY"; exit 1; }
  READY_MS=$(((ready - start) / 1000000))
  INSTRUMENTED_MS=$((instrumented ? (instrumented - start) / 1000000 : 0))
}

stop_app() {
  kill "$APP_PID" 2>/dev/null || true
  wait "$APP_PID" 2>/dev/null || true
  APP_PID=""
}

# Bytes allocated so far: young collections x eden capacity + eden in use (jstat, KiB).
allocated_kib() {
  jstat -gc "$APP_PID" | awk 'NR==1 {for (i=1;i<=NF;i++) col[$i]=i}
    NR==2 {printf "%.0f\n", $col["YGC"] * $col["EC"] + $col["EU"]}'
}

to_ms() { # wrk prints 812.00us, 1.23ms or 1.02s
  awk -v v="$1" 'BEGIN { n=v+0; if (v ~ /us$/) n/=1000; else if (v ~ /[0-9]s$/ && v !~ /ms$/) n*=1000; printf "%.3f", n }'
}

median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }

prepare
log "start-up: $STARTS starts per mode, interleaved"
for i in $(seq 1 "$STARTS"); do
  for mode in "${MODES[@]}"; do
    start_app "$mode"
    stop_app
    echo "$READY_MS" >>"$WORK/start-$mode"
    if [[ "$mode" == probe ]]; then echo "$INSTRUMENTED_MS" >>"$WORK/instrumented-$mode"; fi
    log "start $i $mode: READY after $READY_MS ms (probe instrumented after $INSTRUMENTED_MS ms)"
  done
done

log "load: $ROUNDS rounds, warm-up $WARMUP, measured $DURATION, $CONNECTIONS connections"
for r in $(seq 1 "$ROUNDS"); do
  for mode in "${MODES[@]}"; do
    start_app "$mode"
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$WARMUP" -s "$HERE/erp-reads.lua" "http://127.0.0.1:$APP_PORT" >/dev/null
    before=$(allocated_kib)
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"$DURATION" --latency -s "$HERE/erp-reads.lua" \
      "http://127.0.0.1:$APP_PORT" >"$WORK/wrk.out"
    after=$(allocated_kib)
    stop_app
    rps=$(awk '/Requests\/sec/ {print $2}' "$WORK/wrk.out")
    requests=$(awk '/requests in/ {print $1}' "$WORK/wrk.out")
    mean=$(to_ms "$(awk '$1=="Latency" {print $2; exit}' "$WORK/wrk.out")")
    p99=$(to_ms "$(awk '$1=="99%" {print $2}' "$WORK/wrk.out")")
    errors=$(awk '/Non-2xx|Socket errors/ {print}' "$WORK/wrk.out")
    [[ -z "$errors" ]] || { log "errors under load ($mode): $errors"; exit 1; }
    alloc=$(awk -v a="$after" -v b="$before" -v n="$requests" 'BEGIN {printf "%.1f", (a-b)*1024/n}')
    echo "$rps" >>"$WORK/rps-$mode"
    echo "$mean" >>"$WORK/mean-$mode"
    echo "$p99" >>"$WORK/p99-$mode"
    echo "$alloc" >>"$WORK/alloc-$mode"
    log "round $r $mode: $rps req/s, mean $mean ms, p99 $p99 ms, $alloc bytes allocated per request"
  done
done

m() { median <"$WORK/$1-$2"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.3f", a/b}'; }
echo
echo "| | no agent | DaaS probe | OpenTelemetry $OTEL_VERSION | probe / none | OTel / none |"
echo "|---|---|---|---|---|---|"
for metric in rps mean p99 alloc start; do
  case $metric in
    rps) label="throughput (req/s)" ;;
    mean) label="mean latency (ms)" ;;
    p99) label="p99 latency (ms)" ;;
    alloc) label="allocation (bytes/request)" ;;
    start) label="start-up to READY (ms)" ;;
  esac
  n=$(m "$metric" none); p=$(m "$metric" probe); o=$(m "$metric" otel)
  echo "| $label | $n | $p | $o | $(ratio "$p" "$n") | $(ratio "$o" "$n") |"
done
echo "| probe instrumented after (ms) | | $(m instrumented probe) | | | |"
