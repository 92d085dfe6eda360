#!/usr/bin/env bash
# End-to-end benchmark of ingest-service on the running dev stack (deploy/local/nobd up, PostgreSQL with its
# default durability, fsync on):
#  1. produces N synthetic ENROLLED events (default 100,000) to ingest.enrolment.v1 as an outside producer,
#     for schools seeded in the registry;
#  2. measures produced -> validated -> stored -> fact published: from the first produce until every event is in
#     the timeline and the outbox is empty (all facts published);
#  3. the yardstick in the same run: a bare PostgreSQL COPY of N enrolment-shaped rows with a UUID key.
# Usage: deploy/bench/ingest-bench.sh [N]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
N=${1:-100000}
eval "$("$ROOT/deploy/local/nobd" env --instance dev)"
PSQL=(psql -h 127.0.0.1 -p "$NOBD_PG_PORT" -U nobd -v ON_ERROR_STOP=1 -Atq)
KAFKA_LIBS=$(ls -d "$ROOT"/.cache/dist/kafka-*/libs | head -1)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

"${PSQL[@]}" -d registry -c "select bin from institution where status = 'OPEN' and type in ('SCHOOL','SMALL_SCHOOL','BOARDING')" > "$work/bins.txt"
[[ -s "$work/bins.txt" ]] || { echo "no schools in the registry: run deploy/bench/registry-bench.sh first" >&2; exit 1; }
before=$("${PSQL[@]}" -d ingest -c "select count(*) from timeline_entry")
start=$(date +%s.%N)
[[ -d "$ROOT/contracts/target/classes" ]] || (cd "$ROOT" && ./mvnw -B -q -pl contracts compile >&2) # Checksum12
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$KAFKA_LIBS/*:$ROOT/contracts/target/classes" "$ROOT/deploy/bench/GenerateEnrolment.java" "$NOBD_KAFKA_BOOTSTRAP" "$N" "$work/bins.txt" "$RANDOM"
echo "lag (events not yet stored) every 5 s:"
while :; do
  stored=$(( $("${PSQL[@]}" -d ingest -c "select count(*) from timeline_entry") - before ))
  rejected=$("${PSQL[@]}" -d ingest -c "select count(*) from event_outcome where decided_at > to_timestamp($start)")
  outbox=$("${PSQL[@]}" -d ingest -c "select count(*) from outbox_message")
  now=$(date +%s.%N)
  printf '  t=%5.0f s  stored %d  rejected %d  outbox %d  lag %d\n' "$(awk "BEGIN{print $now - $start}")" \
    "$stored" "$rejected" "$outbox" "$(( N - stored - rejected ))"
  if (( stored + rejected >= N && outbox == 0 )); then break; fi
  sleep 5
done
end=$(date +%s.%N)
e2e=$(awk "BEGIN{printf \"%.0f\", $N / ($end - $start)}")
echo "end-to-end: $N events (stored $stored, rejected $rejected) in $(awk "BEGIN{printf \"%.1f\", $end - $start}") s = $e2e events/s"

# yardstick: a bare COPY of N enrolment-shaped rows with a UUID key, same server, same durability
java "$ROOT/deploy/bench/EnrolmentRows.java" "$N" > "$work/rows.csv"
"${PSQL[@]}" -d ingest -c "create table if not exists bench_copy (id uuid primary key, student_id varchar(43),
  school_bin varchar(12), grade smallint, language varchar(2), valid_from date, valid_to date); truncate bench_copy"
cstart=$(date +%s.%N)
"${PSQL[@]}" -d ingest -c "\\copy bench_copy from '$work/rows.csv' with (format csv)"
cend=$(date +%s.%N)
"${PSQL[@]}" -d ingest -c "drop table bench_copy"
copy=$(awk "BEGIN{printf \"%.0f\", $N / ($cend - $cstart)}")
echo "COPY yardstick: $N rows in $(awk "BEGIN{printf \"%.1f\", $cend - $cstart}") s = $copy rows/s"
echo "end-to-end / COPY = $(awk "BEGIN{printf \"%.1f\", 100 * $e2e / $copy}") %"
