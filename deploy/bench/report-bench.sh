#!/usr/bin/env bash
# Benchmark of report-service on the running dev stack (deploy/local/nobd up):
#  1. loads the national data set straight onto the topics (deploy/bench/GenerateReportFacts.java): about 7,700
#     schools spread like deploy/seed/schools_by_region.csv (deploy/bench/GenerateInstitutions.java), 3.5 million
#     students as enrolment spells, one or two equipment reports per school; waits until report-service shows them;
#  2. while a producer keeps 2,000 facts/s flowing onto facts.enrolment.v1, measures with wrk and a real ministry
#     token: a mix of rollups and indicators of the current date at 32 connections, then national rollups as of a
#     past date (1 connection), then the time from a fact's publication to its visibility in a rollup.
# Usage: deploy/bench/report-bench.sh [SCHOOLS] [STUDENTS]
#   env: DURATION (30s), CONNECTIONS ("8 16 32"), SKIP_LOAD=1 (measure the data set loaded by an earlier run),
#   FLOW: what flows during the measurement: facts (default: 2,000 facts/s straight onto facts.enrolment.v1),
#   ingest (2,000 enrolment events/s through ingest-service, deploy/bench/GenerateEnrolment.java, for the schools
#   of the registry) or none; PAST=0 measures the current date only (no past dates, no visibility probes)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
SCHOOLS=${1:-7700} STUDENTS=${2:-3500000} DURATION=${DURATION:-30s}
eval "$("$ROOT/deploy/local/nobd" env --instance dev)"
REPORT="http://127.0.0.1:${NOBD_REPORT_PORT:-8083}"
KAFKA_LIBS=$(ls -d "$ROOT"/.cache/dist/kafka-*/libs | head -1)
GEN=(java -Xmx1g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$KAFKA_LIBS/*:$ROOT/contracts/target/classes"
  "$ROOT/deploy/bench/GenerateReportFacts.java")
command -v wrk >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk; }
[[ -d "$ROOT/contracts/target/classes" ]] || (cd "$ROOT" && ./mvnw -B -q -pl contracts compile >&2) # Checksum12
state="$ROOT/.cache/dev/report-bench" && mkdir -p "$state"
work=$(mktemp -d)
steady_pid=""
trap '[[ -z $steady_pid ]] || kill "$steady_pid" 2>/dev/null; rm -rf "$work"' EXIT
token() { "$ROOT/deploy/local/token.sh" ministry; }
national() { { curl -sf -H "Authorization: Bearer $(token)" "$REPORT/api/v1/rollups/enrolment?level=NATIONAL" || true; } \
  | sed -nE 's/.*"students":([0-9]+).*/\1/p'; }

if [[ -z ${SKIP_LOAD:-} ]]; then
  before=$(national); before=${before:-0}
  java -cp "$ROOT/contracts/target/classes" "$ROOT/deploy/bench/GenerateInstitutions.java" "$SCHOOLS" "$RANDOM" \
    "$ROOT/registry-service/src/main/resources/kato/kato.csv" "$ROOT/deploy/seed/schools_by_region.csv" "$work/schools.csv"
  start=$(date +%s.%N)
  today=$("${GEN[@]}" load "$NOBD_KAFKA_CLIENTS/admin.properties" "$work/schools.csv" "$ROOT/registry-service/src/main/resources/kato/kato.csv" \
    "$STUDENTS" "$RANDOM" "$state/bins.txt")
  produced=$(date +%s.%N)
  echo "load: $SCHOOLS schools, $STUDENTS spells ($today enrolled today) produced in $(awk "BEGIN{printf \"%.0f\", $produced - $start}") s"
  want=$((before + today))
  while :; do
    now=$(national); now=${now:-0}
    (( now >= want )) && break
    echo "  report-service shows $now of $want students" >&2
    sleep 10
  done
  echo "load: consumed (national total $now) $(awk "BEGIN{printf \"%.0f\", $(date +%s.%N) - $start}") s after the first fact"
fi

past=$(date -d '-60 days' +%F)
oblasts=(100000000 110000000 150000000 190000000 230000000 270000000 310000000 330000000 350000000 390000000
  430000000 470000000 550000000 590000000 610000000 620000000 630000000 710000000 750000000 790000000)
{
  echo "/api/v1/rollups/enrolment?level=NATIONAL"
  echo "/api/v1/rollups/enrolment?level=NATIONAL&by=grade,sex"
  echo "/api/v1/rollups/enrolment?level=OBLAST&by=locality"
  echo "/api/v1/rollups/enrolment?level=OBLAST&by=grade,sex,language,locality,type,ownership"
  echo "/api/v1/rollups/equipment?level=OBLAST&by=locality"
  echo "/api/v1/indicators?level=NATIONAL"
  for o in "${oblasts[@]}"; do
    echo "/api/v1/rollups/enrolment?level=DISTRICT&kato=$o&by=grade"
    echo "/api/v1/rollups/enrolment?level=SCHOOL&kato=$o&size=50"
    echo "/api/v1/rollups/equipment?level=DISTRICT&kato=$o"
    echo "/api/v1/indicators?level=OBLAST&kato=$o"
  done
} > "$work/current.txt"
printf '%s\n' "/api/v1/rollups/enrolment?level=NATIONAL&asOf=$past" \
  "/api/v1/rollups/enrolment?level=NATIONAL&asOf=$past&by=grade,sex,language" > "$work/past.txt"

case ${FLOW:-facts} in
  facts) "${GEN[@]}" steady "$NOBD_KAFKA_CLIENTS/admin.properties" "$state/bins.txt" 2000 600 & steady_pid=$! ;;
  ingest)
    psql=(psql -h 127.0.0.1 -p "$NOBD_PG_PORT" -U nobd -Atq)
    "${psql[@]}" -d registry -c "select bin from institution where status = 'OPEN' and type in ('SCHOOL','SMALL_SCHOOL','BOARDING')" \
      > "$work/schools.txt"
    # new students (their IINs from the index: the number of events ingest holds), 2,000 a second for 10 minutes
    java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$KAFKA_LIBS/*:$ROOT/contracts/target/classes" \
      "$ROOT/deploy/bench/GenerateEnrolment.java" "$NOBD_KAFKA_CLIENTS/school-systems.properties" 1200000 \
      "$work/schools.txt" "$RANDOM" "$("${psql[@]}" -d ingest -c "select count(*) from accepted_event")" 2000 \
      > /dev/null & steady_pid=$! ;;
  none) ;;
  *) echo "report-bench.sh: FLOW is facts, ingest or none, not '$FLOW'" >&2; exit 2 ;;
esac
sleep 5
measure() { # measure <label> <paths file> <connections> <wrk threads>
  local out
  out=$(PATHS_FILE="$2" TOKEN="$(token)" wrk -t"$4" -c"$3" -d"$DURATION" --latency -s "$ROOT/deploy/bench/rollups.lua" "$REPORT")
  printf '%s  connections %s  requests/s %s  p50 %s  p90 %s  p99 %s  non-2xx %s\n' "$1" "$3" \
    "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" "$(awk '$1 == "50%" {print $2}' <<<"$out")" \
    "$(awk '$1 == "90%" {print $2}' <<<"$out")" \
    "$(awk '$1 == "99%" {print $2}' <<<"$out")" "$(awk '/Non-2xx/ {print $5}' <<<"$out" | grep . || echo 0)"
}
PATHS_FILE="$work/current.txt" TOKEN="$(token)" wrk -t2 -c8 -d30s -s "$ROOT/deploy/bench/rollups.lua" "$REPORT" >/dev/null # warm-up (JIT)
echo "flowing: ${FLOW:-facts} (wrk -t2 -d$DURATION --latency):"
for c in ${CONNECTIONS:-8 16 32}; do
  measure "current date, $(wc -l <"$work/current.txt") rollup/indicator queries" "$work/current.txt" "$c" 2
done
if [[ ${PAST:-1} == 0 ]]; then exit 0; fi
measure "national as of $past (answer kept after its first computation)" "$work/past.txt" 1 1
# a past date asked for the first time is computed from the daily deltas: 20 different dates of the last 450 days,
# once each (a date asked again within a second of a change is answered from the cache)
for i in $(shuf -i 2-450 -n 20); do
  curl -sf -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $(token)" \
    "$REPORT/api/v1/rollups/enrolment?level=NATIONAL&by=grade&asOf=$(date -d "-$i days" +%F)"
done | sort -n | awk '{t[NR] = $1 * 1000} END {printf "national by grade, 20 past dates computed afresh: min %.0f ms, median %.0f ms, max %.0f ms\n", t[1], t[int((NR + 1) / 2)], t[NR]}'
"${GEN[@]}" probe "$NOBD_KAFKA_CLIENTS/admin.properties" "$state/bins.txt" "$REPORT" "$(token)" 20
kill "$steady_pid" 2>/dev/null; wait "$steady_pid" 2>/dev/null || true; steady_pid=""
