#!/usr/bin/env bash
# HTTP load benchmark of the DaaS gateway over the local PostgreSQL (schema "bench").
#
# Loads the schema when needed, builds the server (./daas build), then for each CPU setting
# (both cores, and the server pinned to core 1 with wrk on core 0) starts the server on
# 127.0.0.1:$PORT with a temporary data directory, registers the source "bench", warms up and
# runs wrk for each scenario $REPEATS times. Prints a Markdown table and keeps a copy under
# benchmarks/results/. Settings (environment): PORT=18080 THREADS=2 CONNECTIONS=16
# DURATION=20s WARMUP=10s REPEATS=3 MODES="all-cores one-core" JAVA_OPTS="" SKIP_BUILD=0
# SERVER_JAR=<path> (default: the server module's quarkus-run.jar).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PORT=${PORT:-18080}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
DURATION=${DURATION:-20s}
WARMUP=${WARMUP:-10s}
REPEATS=${REPEATS:-3}
MODES=${MODES:-all-cores one-core}
SERVER_JAR=${SERVER_JAR:-$ROOT/daas-core/daas-server/target/quarkus-app/quarkus-run.jar}
BASE="http://127.0.0.1:$PORT"
# The server starts with this fixed admin key (daas.security.admin-key); every call sends it.
export DAAS_BENCH_KEY=${DAAS_BENCH_KEY:-daas_benchmark_admin_key_0123456789}
AUTH=(-H "Authorization: Bearer $DAAS_BENCH_KEY")
SCENARIOS=(get-by-key list-embed)
START_TIMEOUT=120
PG=(psql -h 127.0.0.1 -U postgres -d test -v ON_ERROR_STOP=1 -qAt)

log() { printf '[bench] %s\n' "$*" >&2; }
die() {
  printf '[bench] ERROR: %s\n' "$*" >&2
  exit 1
}

WORK=$(mktemp -d /tmp/daas-bench.XXXXXX)
SERVER_PID=""

stop_server() {
  [[ -n "$SERVER_PID" ]] || return 0
  if kill -0 "$SERVER_PID" 2>/dev/null; then
    log "stopping server (pid $SERVER_PID)"
    kill "$SERVER_PID" 2>/dev/null || true
    local i
    for ((i = 0; i < 60; i++)); do
      kill -0 "$SERVER_PID" 2>/dev/null || break
      sleep 0.5
    done
    if kill -0 "$SERVER_PID" 2>/dev/null; then
      log "server did not stop within 30 s: killing pid $SERVER_PID"
      kill -9 "$SERVER_PID" 2>/dev/null || true
    fi
  fi
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
}

cleanup() {
  stop_server
  rm -rf "$WORK"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

require_tools() {
  if ! command -v wrk >/dev/null; then
    log "wrk is missing: apt-get install -y wrk"
    apt-get install -y wrk >/dev/null || die "could not install wrk"
  fi
  local tool
  for tool in curl psql taskset java; do
    command -v "$tool" >/dev/null || die "$tool is required"
  done
}

load_schema() {
  local counts
  counts=$("${PG[@]}" -c "SELECT (SELECT count(*) FROM bench.cust) || '/' || (SELECT count(*) FROM bench.ord)" 2>/dev/null || true)
  if [[ "$counts" == "20000/200000" ]]; then
    log "schema bench already loaded (20000 customers, 200000 orders)"
  else
    log "loading schema bench (setup-postgres.sql)"
    "${PG[@]}" -f "$HERE/setup-postgres.sql" 2>&1 | grep -v NOTICE >&2 || true
    counts=$("${PG[@]}" -c "SELECT (SELECT count(*) FROM bench.cust) || '/' || (SELECT count(*) FROM bench.ord)")
    [[ "$counts" == "20000/200000" ]] || die "schema bench has $counts rows after loading"
  fi
}

build_server() {
  if [[ "${SKIP_BUILD:-0}" != 1 ]]; then
    "$ROOT/daas" build
  fi
  [[ -f "$SERVER_JAR" ]] || die "server jar $SERVER_JAR not found (run ./daas build)"
}

# $1: mode (all-cores | one-core). Starts the server and waits until the admin API answers.
start_server() {
  local mode=$1 data_dir="$WORK/data-$1" log_file="$WORK/server-$1.log" pin=()
  if curl -s -o /dev/null --max-time 2 "$BASE/"; then
    die "something already listens on $BASE; stop it or set PORT"
  fi
  [[ "$mode" == one-core ]] && pin=(taskset -c 1)
  mkdir -p "$data_dir"
  log "starting server ($mode) on $BASE, log $log_file"
  # JAVA_OPTS holds several options and is split on purpose.
  # shellcheck disable=SC2086
  "${pin[@]}" java ${JAVA_OPTS:-} -Dquarkus.http.host=127.0.0.1 -Dquarkus.http.port="$PORT" \
    -Ddaas.data-dir="$data_dir" -Ddaas.demo.enabled=false \
    -Ddaas.security.admin-key="$DAAS_BENCH_KEY" -jar "$SERVER_JAR" >"$log_file" 2>&1 &
  SERVER_PID=$!
  local i
  for ((i = 0; i < START_TIMEOUT * 2; i++)); do
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      tail -30 "$log_file" >&2
      die "server exited during start-up"
    fi
    if [[ $(curl -s -o /dev/null -w '%{http_code}' --max-time 2 "${AUTH[@]}" "$BASE/admin/v1/sources") == 200 ]]; then
      log "server answers after $((i / 2)) s"
      return
    fi
    sleep 0.5
  done
  tail -30 "$log_file" >&2
  die "server did not answer within ${START_TIMEOUT}s"
}

register_source() {
  local status
  status=$(curl -s -o "$WORK/register.json" -w '%{http_code}' --max-time 60 "${AUTH[@]}" \
    -H 'Content-Type: application/json' -X POST "$BASE/admin/v1/sources" \
    -d '{"name":"bench","url":"jdbc:postgresql://127.0.0.1:5432/test","user":"postgres","password":"postgres","schemas":["bench"]}')
  case "$status" in
    201) log "registered source bench" ;;
    409) log "source bench already registered" ;;
    *)
      cat "$WORK/register.json" >&2
      die "POST /admin/v1/sources answered $status"
      ;;
  esac
}

# One request of each scenario must succeed before load is put on it.
smoke_test() {
  local url status
  for url in "/api/v1/bench/ord/12345" \
    "/api/v1/bench/ord?filter=status%20%3D%20%27A%27%20AND%20id%20%3E%3D%20100&limit=50&embed=${EMBED:-cust}"; do
    status=$(curl -s -o "$WORK/smoke.json" -w '%{http_code}' --max-time 30 "${AUTH[@]}" "$BASE$url")
    if [[ "$status" != 200 ]]; then
      head -c 2000 "$WORK/smoke.json" >&2
      echo >&2
      die "GET $url answered $status"
    fi
  done
  log "smoke test passed"
}

# $1 mode, $2 scenario, $3 duration, $4 output file
run_wrk() {
  local mode=$1 scenario=$2 duration=$3 out=$4 pin=()
  [[ "$mode" == one-core ]] && pin=(taskset -c 0)
  "${pin[@]}" wrk -t"$THREADS" -c"$CONNECTIONS" -d"$duration" --timeout 10s --latency \
    -s "$HERE/$scenario.lua" "$BASE" >"$out" 2>&1 || {
    cat "$out" >&2
    die "wrk failed for $scenario"
  }
}

# Prints one Markdown row from a wrk output file.
table_row() {
  local mode=$1 scenario=$2 run=$3 out=$4
  awk -v mode="$mode" -v scenario="$scenario" -v run="$run" '
    /Requests\/sec:/ { rps = $2 }
    $1 == "50%" { p50 = $2 }
    $1 == "99%" { p99 = $2 }
    /Non-2xx or 3xx responses:/ { errors += $NF }
    /Socket errors:/ {
      gsub(/,/, ""); errors += $4 + $6 + $8 + $10
    }
    END {
      printf "| %s | %s | %s | %s | %s | %s | %d |\n", scenario, mode, run, rps, p50, p99, errors
    }' "$out"
}

main() {
  require_tools
  load_schema
  build_server
  local rows="$WORK/rows.md" mode scenario run out
  : >"$rows"
  for mode in $MODES; do
    [[ "$mode" == all-cores || "$mode" == one-core ]] || die "unknown mode '$mode'"
    start_server "$mode"
    register_source
    smoke_test
    for scenario in "${SCENARIOS[@]}"; do
      log "$mode: warming up $scenario for $WARMUP"
      run_wrk "$mode" "$scenario" "$WARMUP" "$WORK/warmup.txt"
    done
    for scenario in "${SCENARIOS[@]}"; do
      for ((run = 1; run <= REPEATS; run++)); do
        out="$WORK/$mode-$scenario-$run.txt"
        log "$mode: $scenario run $run/$REPEATS ($DURATION, $THREADS threads, $CONNECTIONS connections)"
        run_wrk "$mode" "$scenario" "$DURATION" "$out"
        table_row "$mode" "$scenario" "$run" "$out" | tee -a "$rows" >&2
      done
    done
    stop_server
  done

  local results="$ROOT/benchmarks/results" stamp report
  stamp=$(date -u +%Y%m%dT%H%M%SZ)
  mkdir -p "$results"
  report="$results/http-$stamp.md"
  {
    echo "## DaaS HTTP benchmark ($stamp)"
    echo
    echo "wrk -t$THREADS -c$CONNECTIONS -d$DURATION --latency against $BASE;" \
      "PostgreSQL 'test', schema bench (20,000 cust, 200,000 ord); $(nproc) cores;" \
      "one-core = server under 'taskset -c 1', wrk under 'taskset -c 0'."
    echo
    echo "| scenario | cpu | run | requests/s | p50 | p99 | errors |"
    echo "|---|---|---|---|---|---|---|"
    sort -t'|' -k2,2 -k3,3 -s "$rows"
  } | tee "$report"
  log "report written to $report"
}

# Sourced by policies.sh for its helpers; run directly, it benchmarks.
if [[ "${BASH_SOURCE[0]}" == "$0" ]]; then
  main "$@"
fi
