#!/usr/bin/env bash
# Start-up of report-service on the running dev stack (deploy/local/nobd up):
#  1. unless SKIP_LOAD=1: loads the national data set onto the topics as report-bench.sh does (GenerateReportFacts.java
#     load: SCHOOLS schools, STUDENTS enrolment spells, one or two equipment reports per school) and waits until
#     report-service shows every student;
#  2. RESTARTS times (3): stops report-service (replica 0) and starts it again with deploy/local/nobd up; the time
#     to ready runs from the process start (its pid file, written just before the JVM is executed: the build that
#     `up` does first is not counted) to /q/health/ready answering 200; prints the start-up phases from its log;
#  3. with NEW_REPLICA=1: the time a new replica (id 1; schema replica_1 dropped first) takes to build its state
#     from offset 0 (nobd up --replicas 2, which also starts a second registry and ingest; stopped again after).
# Usage: deploy/bench/report-restart.sh [SCHOOLS] [STUDENTS]      (7700 4500000)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
NOBD="$ROOT/deploy/local/nobd"
SCHOOLS=${1:-7700} STUDENTS=${2:-4500000}
eval "$("$NOBD" env --instance dev)"
REPORT="http://127.0.0.1:${NOBD_REPORT_PORT:-8083}"
RUN="$ROOT/.cache/dev/run" LOGS="$ROOT/.cache/dev/logs"
PSQL=(psql -h 127.0.0.1 -p "$NOBD_PG_PORT" -U nobd -v ON_ERROR_STOP=1 -Atq -d report)
KAFKA_LIBS=$(ls -d "$ROOT"/.cache/dist/kafka-*/libs | head -1)
[[ -d "$ROOT/contracts/target/classes" ]] || (cd "$ROOT" && ./mvnw -B -q -pl contracts compile >&2) # Checksum12
work=$(mktemp -d) && trap 'rm -rf "$work"' EXIT
token() { "$ROOT/deploy/local/token.sh" ministry; }
national() { { curl -sf -H "Authorization: Bearer $(token)" "$1/api/v1/rollups/enrolment?level=NATIONAL" || true; } \
  | sed -nE 's/.*"students":([0-9]+).*/\1/p'; }

if [[ -z ${SKIP_LOAD:-} ]]; then
  before=$(national "$REPORT"); before=${before:-0}
  java -cp "$ROOT/contracts/target/classes" "$ROOT/deploy/bench/GenerateInstitutions.java" "$SCHOOLS" "$RANDOM" \
    "$ROOT/registry-service/src/main/resources/kato/kato.csv" "$ROOT/deploy/seed/schools_by_region.csv" "$work/schools.csv"
  start=$(date +%s.%N)
  today=$(java -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$KAFKA_LIBS/*:$ROOT/contracts/target/classes" \
    "$ROOT/deploy/bench/GenerateReportFacts.java" load "$NOBD_KAFKA_BOOTSTRAP" "$work/schools.csv" \
    "$ROOT/registry-service/src/main/resources/kato/kato.csv" "$STUDENTS" "$RANDOM" "$work/bins.txt")
  echo "load: $SCHOOLS schools, $STUDENTS spells ($today enrolled today) produced in $(awk "BEGIN{printf \"%.0f\", $(date +%s.%N) - $start}") s"
  until now=$(national "$REPORT") && (( ${now:-0} >= before + today )); do sleep 10; done
  echo "load: consumed (national total $now) $(awk "BEGIN{printf \"%.0f\", $(date +%s.%N) - $start}") s after the first fact"
fi
echo "data set: $("${PSQL[@]}" -c "select (select count(*) from replica_0.spell) || ' spells, ' || (select count(*) from \
replica_0.enrolment_delta) || ' delta rows, ' || (select count(*) from replica_0.school_version) || ' card versions, ' || \
(select count(*) from replica_0.equipment_report) || ' equipment reports'"), national total $(national "$REPORT") students today"

# time_to_ready <component> <url> <start command...>: from the new JVM's start (pid file) to readiness
time_to_ready() {
  local c="$1" url="$2" pid t0 t1; shift 2
  rm -f "$work/started"
  ( "$@" >"$work/up.log" 2>&1; touch "$work/started" ) &
  until [[ -s "$RUN/$c.pid" ]] && pid=$(head -n 1 "$RUN/$c.pid") && [[ -d /proc/$pid ]]; do
    [[ ! -f "$work/started" ]] || { cat "$work/up.log" >&2; echo "$c did not start" >&2; exit 1; }
    sleep 0.1
  done
  t0=$(stat -c %.3Y "$RUN/$c.pid")
  until curl -sf -o /dev/null "$url/q/health/ready"; do
    [[ -d /proc/$pid ]] || { tail -n 40 "$LOGS/$c.log" >&2; echo "$c exited" >&2; exit 1; }
    sleep 0.1
  done
  t1=$(date +%s.%N)
  echo "$c: ready $(awk "BEGIN{printf \"%.1f\", $t1 - $t0}") s after its JVM started"
  grep -E 'started in|Migrating schema|Successfully applied|institutions known|stored offsets loaded|cube of|caught up|nothing to catch up|assigned [0-9]+ partitions' \
    "$LOGS/$c.log" | sed -E 's/^/    /; s/(catching up to|, from) \{.*$/ .../' | cut -c1-200
  until [[ -f "$work/started" ]]; do sleep 0.5; done # seed.sh, run by up
}

for ((i = 1; i <= ${RESTARTS:-3}; i++)); do
  "$NOBD" down report-service >/dev/null 2>&1 || true
  time_to_ready report-service "$REPORT" "$NOBD" up
done

if [[ -n ${NEW_REPLICA:-} ]]; then
  "$NOBD" down report-service.1 >/dev/null 2>&1 || true
  "${PSQL[@]}" -c "drop schema if exists replica_1 cascade"
  time_to_ready report-service.1 "http://127.0.0.1:8093" env NOBD_START_TIMEOUT=3600 "$NOBD" up --replicas 2
  echo "report-service.1 (new id, from offset 0): national total $(national http://127.0.0.1:8093) students today"
  for c in report-service.1 ingest-service.1 registry-service.1; do "$NOBD" down "$c" >/dev/null 2>&1 || true; done
fi
