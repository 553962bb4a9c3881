#!/usr/bin/env bash
# Prepares the local PostgreSQL and MariaDB for DaaS tests: both running, PostgreSQL with
# wal_level=logical, MariaDB with a row-based binlog (what change data capture needs), and the
# statement statistics that recovery reads: pg_stat_statements preloaded and created in database
# test, MariaDB with performance_schema=ON. Also installs Debian's Chromium and chromedriver for
# the browser tests when they are missing (apt-get).
# Idempotent: a database is restarted only when a setting is not yet in effect, so a second
# run changes nothing. Runs as root.
#
#   scripts/prepare-services.sh          prepare, then verify
#   scripts/prepare-services.sh --check  only verify (exit 1 when something is not ready)
set -euo pipefail

readonly PG_HOST=127.0.0.1
readonly PG_STATS_DB=test
readonly MARIADB_CNF_DIR=/etc/mysql/mariadb.conf.d
readonly MARIADB_CNF="$MARIADB_CNF_DIR/60-daas-binlog.cnf"
readonly MARIADB_MAIN_CNF=/etc/mysql/my.cnf
readonly MARIADB_PID_FILE=/run/mysqld/mysqld.pid
readonly WAIT_SECONDS=60

log() { printf '[prepare-services] %s\n' "$*"; }
fail() {
  printf '[prepare-services] ERROR: %s\n' "$*" >&2
  exit 1
}

# ---------------------------------------------------------------- PostgreSQL

pg_version() { ls /etc/postgresql | sort -n | tail -1; }

pg_up() { pg_isready -h "$PG_HOST" -p 5432 -q -t 2 >/dev/null 2>&1; }

pg_query() { psql -h "$PG_HOST" -U postgres -d "${2:-postgres}" -v ON_ERROR_STOP=1 -Atc "$1"; }

# The libraries in shared_preload_libraries, one a line, without quotes or blanks.
pg_preloaded() {
  pg_query "SHOW shared_preload_libraries" | tr ',' '\n' | sed -e 's/^[[:space:]"]*//' -e 's/[[:space:]"]*$//' |
    grep -v '^$' || true
}

pg_preloads_stats() { [[ $'\n'"$(pg_preloaded)"$'\n' == *$'\n'pg_stat_statements$'\n'* ]]; }

wait_for_pg() {
  local i
  for ((i = 0; i < WAIT_SECONDS * 2; i++)); do
    pg_up && return 0
    sleep 0.5
  done
  fail "PostgreSQL did not answer on $PG_HOST:5432 within ${WAIT_SECONDS}s"
}

ensure_pg_running() {
  if pg_up; then
    log "PostgreSQL is running"
    return
  fi
  log "PostgreSQL is not running: starting cluster $(pg_version)/main"
  pg_ctlcluster --skip-systemctl-redirect "$(pg_version)" main start
  wait_for_pg
}

# wal_level and shared_preload_libraries both take effect at a restart: set what is missing,
# then restart once. Libraries already preloaded are kept.
ensure_pg_settings() {
  local level restart=no
  level=$(pg_query "SHOW wal_level")
  if [[ "$level" == logical ]]; then
    log "PostgreSQL wal_level is already logical"
  else
    log "PostgreSQL wal_level is $level: ALTER SYSTEM SET wal_level = logical"
    pg_query "ALTER SYSTEM SET wal_level = logical" >/dev/null
    restart=yes
  fi
  if pg_preloads_stats; then
    log "PostgreSQL already preloads pg_stat_statements"
  else
    local libraries="" library
    while IFS= read -r library; do
      libraries+="'${library//\'/\'\'}', "
    done < <(pg_preloaded)
    libraries+="'pg_stat_statements'"
    log "PostgreSQL does not preload pg_stat_statements: ALTER SYSTEM SET shared_preload_libraries = $libraries"
    pg_query "ALTER SYSTEM SET shared_preload_libraries = $libraries" >/dev/null
    restart=yes
  fi
  if [[ $restart == yes ]]; then
    log "restarting PostgreSQL for the new settings"
    # pg_ctlcluster stops in fast mode: open sessions are disconnected, not waited for.
    pg_ctlcluster --skip-systemctl-redirect "$(pg_version)" main restart
    wait_for_pg
  fi
}

ensure_pg_stats_extension() {
  if [[ -n "$(pg_query "SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements'" "$PG_STATS_DB")" ]]; then
    log "pg_stat_statements is already installed in database $PG_STATS_DB"
    return
  fi
  log "CREATE EXTENSION pg_stat_statements in database $PG_STATS_DB"
  pg_query "CREATE EXTENSION IF NOT EXISTS pg_stat_statements" "$PG_STATS_DB" >/dev/null
}

check_pg() {
  pg_up || { log "check: PostgreSQL does not answer on $PG_HOST:5432"; return 1; }
  local level
  level=$(pg_query "SHOW wal_level")
  if [[ "$level" != logical ]]; then
    log "check: PostgreSQL wal_level is $level, expected logical"
    return 1
  fi
  if ! pg_preloads_stats; then
    log "check: PostgreSQL does not preload pg_stat_statements (shared_preload_libraries)"
    return 1
  fi
  if ! pg_query "SELECT count(*) FROM (SELECT 1 FROM pg_stat_statements LIMIT 1) s" "$PG_STATS_DB" >/dev/null 2>&1; then
    log "check: pg_stat_statements cannot be read in database $PG_STATS_DB (extension not created?)"
    return 1
  fi
  log "check: PostgreSQL OK (wal_level=logical, pg_stat_statements in database $PG_STATS_DB)"
}

# ---------------------------------------------------------------- MariaDB

maria_up() { mariadb-admin -h 127.0.0.1 -uroot --connect-timeout=2 ping >/dev/null 2>&1; }

maria_variables() {
  mariadb -h 127.0.0.1 -uroot -N -B -e \
    "SHOW VARIABLES WHERE Variable_name IN ('log_bin','binlog_format','binlog_row_image','server_id','performance_schema')" |
    sort | tr '\t' '=' | tr '\n' ' '
}

readonly MARIA_EXPECTED='binlog_format=ROW binlog_row_image=FULL log_bin=ON performance_schema=ON server_id=1 '

wait_for_maria() {
  local i
  for ((i = 0; i < WAIT_SECONDS * 2; i++)); do
    maria_up && return 0
    sleep 0.5
  done
  fail "MariaDB did not answer on 127.0.0.1:3306 within ${WAIT_SECONDS}s (see /var/log/mysql/error.log)"
}

start_maria() {
  # The socket and pid directory live on tmpfs and may be gone after a reboot.
  install -d -o mysql -g mysql /run/mysqld
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
  wait_for_maria
}

stop_maria() {
  local pid="" i
  [[ -f "$MARIADB_PID_FILE" ]] && pid=$(cat "$MARIADB_PID_FILE")
  mariadb-admin -uroot shutdown || service mariadb stop
  if [[ -n "$pid" ]]; then
    for ((i = 0; i < WAIT_SECONDS * 2; i++)); do
      kill -0 "$pid" 2>/dev/null || return 0
      sleep 0.5
    done
    fail "MariaDB (pid $pid) did not stop within ${WAIT_SECONDS}s"
  fi
}

ensure_maria_running() {
  if maria_up; then
    log "MariaDB is running"
    return
  fi
  log "MariaDB is not running: starting /usr/sbin/mariadbd"
  start_maria
}

# Debian's own my.cnf includes mariadb.conf.d; the one on these machines is a minimal file that
# does not, so the include line is added once.
ensure_maria_includes_conf_dir() {
  if grep -Eq "^[[:space:]]*!includedir[[:space:]]+$MARIADB_CNF_DIR/?[[:space:]]*$" "$MARIADB_MAIN_CNF"; then
    return
  fi
  log "adding '!includedir $MARIADB_CNF_DIR/' to $MARIADB_MAIN_CNF"
  printf '\n!includedir %s/\n' "$MARIADB_CNF_DIR" >>"$MARIADB_MAIN_CNF"
}

ensure_maria_settings() {
  local current
  current=$(maria_variables)
  if [[ "$current" == "$MARIA_EXPECTED" ]]; then
    log "MariaDB binlog and performance_schema settings already in effect"
    return
  fi
  log "MariaDB settings are: $current- writing $MARIADB_CNF and restarting"
  install -d "$MARIADB_CNF_DIR"
  ensure_maria_includes_conf_dir
  printf '%s\n' '# Written by scripts/prepare-services.sh: row-based binlog for change data capture,' \
    '# performance_schema for the statement digests that recovery reads.' \
    '[mysqld]' 'log_bin=mysql-bin' 'binlog_format=ROW' 'binlog_row_image=FULL' 'server_id=1' \
    'performance_schema=ON' >"$MARIADB_CNF"
  stop_maria
  start_maria
}

check_maria() {
  maria_up || { log "check: MariaDB does not answer on 127.0.0.1:3306"; return 1; }
  local current
  current=$(maria_variables)
  if [[ "$current" != "$MARIA_EXPECTED" ]]; then
    log "check: MariaDB variables are '$current', expected '$MARIA_EXPECTED'"
    return 1
  fi
  log "check: MariaDB OK (${current% })"
}

# ---------------------------------------------------------------- browser

browser_installed() { [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; }

ensure_browser() {
  if browser_installed; then
    log "Chromium and chromedriver are installed"
    return
  fi
  log "installing Chromium and chromedriver (apt-get) for the browser tests"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver >/dev/null ||
    { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver >/dev/null; } ||
    fail "could not install chromium and chromium-driver with apt-get"
}

check_browser() {
  if browser_installed; then
    log "check: browser OK ($(/usr/bin/chromedriver --version | head -1))"
  else
    log "check: /usr/bin/chromium or /usr/bin/chromedriver is missing"
    return 1
  fi
}

# ---------------------------------------------------------------- main

check_all() {
  local status=0
  check_pg || status=1
  check_maria || status=1
  check_browser || status=1
  return "$status"
}

main() {
  case "${1:-}" in
    --check)
      check_all || fail "services are not ready; run scripts/prepare-services.sh as root"
      ;;
    "")
      [[ $EUID -eq 0 ]] || fail "run as root (it may restart the local databases)"
      ensure_pg_running
      ensure_pg_settings
      ensure_pg_stats_extension
      ensure_maria_running
      ensure_maria_settings
      ensure_browser
      check_all || fail "verification failed after preparing"
      ;;
    -h | --help)
      sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'
      ;;
    *)
      fail "unknown argument '$1'; accepted: --check, --help, or none"
      ;;
  esac
}

main "$@"
