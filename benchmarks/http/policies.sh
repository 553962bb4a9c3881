#!/usr/bin/env bash
# Access control benchmark: throughput with policies on versus off for the HTTP benchmark's two
# scenarios (get by key; a filtered 50-row page with an embed). The server is started once (both
# cores) as in run.sh; the same requests are sent alternately with the admin key (unrestricted: no
# policy is evaluated) and with a key of role "reader", whose policy grants read on ord and cust
# with a row filter true for every row (currency != 'XXX') and a hash mask on ord.note, so both
# callers get the same rows. Prints req/s per round and the median ratio reader/admin.
# Settings (environment): ROUNDS=5 (the first is left out as warm-up) DURATION=15s, and those of
# run.sh (PORT, THREADS, CONNECTIONS, SKIP_BUILD, JAVA_OPTS).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=run.sh
source "$HERE/run.sh"
ROUNDS=${ROUNDS:-5}
DURATION=${DURATION:-15s}

create_reader() {
  curl -sf "${AUTH[@]}" -H 'Content-Type: application/json' -X PUT \
    "$BASE/admin/v1/sources/bench/policies/reader" -d '{"grants":[
      {"entity":"ord","operations":["read"],"masks":[{"field":"note","kind":"hash"}],
       "rowFilter":"currency != '"'"'XXX'"'"'"},
      {"entity":"cust","operations":["read"]}]}' >/dev/null || die "could not save the policy"
  curl -sf "${AUTH[@]}" -H 'Content-Type: application/json' -X POST "$BASE/admin/v1/keys" \
    -d '{"name":"bench reader","roles":["reader"]}' |
    sed -E 's/.*"key":"([^"]+)".*/\1/'
}

# Median of the numbers on stdin.
median() {
  sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

policies_main() {
  require_tools
  load_schema
  build_server
  start_server all-cores
  register_source
  smoke_test
  local admin_key=$DAAS_BENCH_KEY reader_key scenario round caller out rps
  reader_key=$(create_reader)
  [[ "$reader_key" == daas_* ]] || die "no reader key created"
  declare -A results
  for ((round = 1; round <= ROUNDS; round++)); do
    for scenario in "${SCENARIOS[@]}"; do
      for caller in admin reader; do
        if [[ "$caller" == admin ]]; then DAAS_BENCH_KEY=$admin_key; else DAAS_BENCH_KEY=$reader_key; fi
        export DAAS_BENCH_KEY
        out="$WORK/$scenario-$caller-$round.txt"
        run_wrk all-cores "$scenario" "$DURATION" "$out"
        rps=$(awk '/Requests\/sec:/ { print $2 }' "$out")
        if grep -q 'Non-2xx' "$out"; then
          cat "$out" >&2
          die "$caller got errors on $scenario"
        fi
        log "round $round $scenario $caller: $rps req/s"
        ((round > 1)) && results[$scenario-$caller]+="$rps "
      done
    done
  done
  DAAS_BENCH_KEY=$admin_key
  echo "| scenario | admin (no policy), req/s | reader (policy), req/s | reader / admin (medians) |"
  echo "|---|---|---|---|"
  for scenario in "${SCENARIOS[@]}"; do
    local a r
    a=$(tr ' ' '\n' <<<"${results[$scenario-admin]}" | grep . | median)
    r=$(tr ' ' '\n' <<<"${results[$scenario-reader]}" | grep . | median)
    echo "| $scenario | ${results[$scenario-admin]}(median $a) | ${results[$scenario-reader]}(median $r) | $(awk -v a="$a" -v r="$r" 'BEGIN { printf "%.2f", r / a }') |"
  done
  stop_server
}

policies_main "$@"
