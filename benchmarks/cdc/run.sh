#!/usr/bin/env bash
# Change stream benchmark (docs/benchmarks.md, "Change streams"): commit-to-SSE latency at a fixed
# rate, and the highest throughput, against the local PostgreSQL with logical decoding.
#
# Builds the server when needed (./daas build), starts it on 127.0.0.1:$PORT with a temporary data
# directory and a fixed admin key, registers schema cdc_bench as source "cdcbench", enables change
# data capture, then runs CdcLatency.java (single-file Java program) and removes the source again
# (which drops its replication slot). Settings: PORT=18100 RATE=1000 SECONDS=30.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PORT=${PORT:-18100}
RATE=${RATE:-1000}
SECONDS_PER_PHASE=${SECONDS:-30}
KEY=daas_benchmark_admin_key_0123456789
BASE="http://127.0.0.1:$PORT"
SERVER_JAR=$ROOT/daas-core/daas-server/target/quarkus-app/quarkus-run.jar
WORK=$(mktemp -d /tmp/daas-cdc-bench.XXXXXX)
SERVER_PID=""

log() { printf '[cdc-bench] %s\n' "$*" >&2; }
cleanup() {
  curl -s -o /dev/null -X DELETE -H "Authorization: Bearer $KEY" "$BASE/admin/v1/sources/cdcbench" || true
  [[ -n "$SERVER_PID" ]] && kill "$SERVER_PID" 2>/dev/null && wait "$SERVER_PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

bash "$ROOT/scripts/prepare-services.sh" --check >/dev/null || bash "$ROOT/scripts/prepare-services.sh"
(cd "$ROOT" && ./daas build)
PG_JAR=$(find ~/.m2/repository/org/postgresql/postgresql -name 'postgresql-*.jar' | sort -V | tail -1)

psql -h 127.0.0.1 -U postgres -d test -qAt -v ON_ERROR_STOP=1 <<'SQL'
DROP SCHEMA IF EXISTS cdc_bench CASCADE;
CREATE SCHEMA cdc_bench;
CREATE TABLE cdc_bench.ev (id BIGSERIAL PRIMARY KEY, sent BIGINT NOT NULL);
SQL

log "starting the server on $BASE"
java -Xmx1g -Dquarkus.http.port="$PORT" -Dquarkus.http.host=127.0.0.1 -Ddaas.data-dir="$WORK/data" \
  -Ddaas.demo.enabled=false -Ddaas.security.admin-key="$KEY" \
  -Ddaas.security.rate-limit.per-key=1000000/1s -jar "$SERVER_JAR" >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do
  curl -sf "$BASE/q/health/ready" >/dev/null && break
  sleep 0.5
done
curl -sf "$BASE/q/health/ready" >/dev/null || { tail -40 "$WORK/server.log"; exit 1; }

api() { curl -sf -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' "$@"; }
api -X POST "$BASE/admin/v1/sources" \
  -d '{"name":"cdcbench","url":"jdbc:postgresql://127.0.0.1:5432/test","user":"postgres","schemas":["cdc_bench"]}' >/dev/null
api -X POST "$BASE/admin/v1/sources/cdcbench/cdc" -d '{"enabled":true}' >/dev/null
for _ in $(seq 1 120); do
  api "$BASE/admin/v1/sources/cdcbench/cdc" | grep -q '"streaming":true' && break
  sleep 0.5
done
log "capture is streaming; measuring ($RATE changes/s for ${SECONDS_PER_PHASE}s, then as fast as possible)"
java -cp "$PG_JAR" "$HERE/CdcLatency.java" "$BASE" cdcbench cdc_bench "$KEY" "$RATE" "$SECONDS_PER_PHASE"
