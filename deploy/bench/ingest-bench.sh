#!/usr/bin/env bash
# End-to-end benchmark of ingest-service on the running dev stack (deploy/local/nobd up, PostgreSQL with its
# default durability, fsync on):
#  1. produces N synthetic ENROLLED events (default 100,000) to ingest.enrolment.v1 as an outside producer (Kafka
#     user school-systems),
#     for schools seeded in the registry;
#  2. measures produced -> validated -> stored -> fact published: from the first produce (the last half-second
#     sample before it) until every event is decided and the outbox is empty (all facts published);
#  3. the yardstick in the same run: a bare PostgreSQL COPY of N enrolment-shaped rows with a UUID key
#     (deploy/bench/copy-yardstick.sh; SKIP_COPY=1 leaves it to the caller, as national.sh does).
#  With RATE (events/s) the producer keeps that pace instead of producing as fast as it can: the lag then shows
#  whether ingest keeps up (flat) or falls behind (growing).
#  With BACKLOG=1 the N events are all on the topic before ingest-service reads one: its JVMs (every replica) are
#  stopped (SIGSTOP) while the generator produces and continued (SIGCONT) once Kafka acknowledged the last event;
#  the clock starts there. The generator then takes no CPU from the drain, as the schools' systems, which run on
#  their own machines, would not. Stopped for longer than the consumers' session timeout (45 s), ingest-service's
#  consumers rejoin their group when continued (a rebalance, nothing lost).
# Usage: deploy/bench/ingest-bench.sh [N] [RATE]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
N=${1:-100000}
RATE=${2:-0}
eval "$("$ROOT/deploy/local/nobd" env --instance dev)"
PSQL=(psql -h 127.0.0.1 -p "$NOBD_PG_PORT" -U nobd -v ON_ERROR_STOP=1 -Atq)
KAFKA_LIBS=$(ls -d "$ROOT"/.cache/dist/kafka-*/libs | head -1)
work=$(mktemp -d)
stopped=()
resume() { (( ${#stopped[@]} == 0 )) || kill -CONT "${stopped[@]}" 2>/dev/null || true; stopped=(); }
trap 'resume; rm -rf "$work"' EXIT

"${PSQL[@]}" -d registry -c "select bin from institution where status = 'OPEN' and type in ('SCHOOL','SMALL_SCHOOL','BOARDING')" > "$work/bins.txt"
[[ -s "$work/bins.txt" ]] || { echo "no schools in the registry: run deploy/bench/registry-bench.sh first" >&2; exit 1; }
first_index=$("${PSQL[@]}" -d ingest -c "select count(*) from accepted_event")
[[ -d "$ROOT/contracts/target/classes" ]] || (cd "$ROOT" && ./mvnw -B -q -pl contracts compile >&2) # Checksum12
# decided = offsets ingest's consumer group committed (after its database commit), watched from outside
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$KAFKA_LIBS/*" "$ROOT/deploy/bench/IngestLag.java" \
  "$NOBD_KAFKA_CLIENTS/admin.properties" ingest.enrolment.v1 ingest-enrolment "$N" > "$work/lag.txt" &
watcher=$!
until [[ -s "$work/lag.txt" ]]; do sleep 0.2; done
if [[ -n ${BACKLOG:-} ]]; then
  for f in "$ROOT/.cache/$NOBD_INSTANCE/run"/ingest-service*.pid; do stopped+=("$(head -n 1 "$f")"); done
  kill -STOP "${stopped[@]}"
fi
start=$(date +%s.%N) launched=$start
# first index = entries stored so far, so that every run brings students not seen before
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$KAFKA_LIBS/*:$ROOT/contracts/target/classes" \
  "$ROOT/deploy/bench/GenerateEnrolment.java" "$NOBD_KAFKA_CLIENTS/school-systems.properties" "$N" "$work/bins.txt" \
  "$RANDOM" "$first_index" "$RATE" \
  > "$work/produced.txt" &
producer=$!
if [[ -n ${BACKLOG:-} ]]; then
  wait "$producer"
  start=$(date +%s.%N)
  resume
  echo "backlog: $(grep '^produced' "$work/produced.txt") before ingest-service was continued" \
    "($(awk "BEGIN{printf \"%.1f\", $start - $launched}") s, not counted)"
fi
echo "every 5 s: produced, decided (stored or rejected), outbox (rows of facts not yet published), lag = produced - decided"
tick=0
while :; do
  sleep 0.5; tick=$(( tick + 1 ))
  read -r _ produced decided < <(tail -n 1 "$work/lag.txt")
  # the clock starts at the last sample before the first event reached the topic: the generator's JVM start-up,
  # source compilation and building of the events (5-10 s) are not ingest's time
  if (( produced == 0 )); then start=$(date +%s.%N); fi
  # asked only once every event is decided, and for the progress line: a psql started twice a second took about
  # 2 % of the machine's CPU from ingest-service
  (( decided >= N || tick % 10 == 0 )) || continue
  # the id span of the outbox (two index probes; a count(*) of a queue table under churn costs far more)
  outbox=$("${PSQL[@]}" -d ingest -c "select coalesce(max(id) - min(id) + 1, 0) from outbox_message")
  now=$(date +%s.%N)
  if (( decided >= N && outbox == 0 )); then break; fi
  (( tick % 10 == 0 )) || continue
  printf '  t=%5.0f s  produced %8d  decided %8d  outbox %6d  lag %8d\n' "$(awk "BEGIN{print $now - $start}")" \
    "$produced" "$decided" "$outbox" "$(( produced - decided ))"
done
end=$now
wait "$producer" "$watcher" # a backlog's producer was waited for already: bash returns its kept status
grep '^produced' "$work/produced.txt"
stored=$(( $("${PSQL[@]}" -d ingest -c "select count(*) from accepted_event") - first_index ))
rejected=$("${PSQL[@]}" -d ingest -c "select count(*) from event_outcome where decided_at > to_timestamp($start)")
e2e=$(awk "BEGIN{printf \"%.0f\", $N / ($end - $start)}")
[[ -n ${BACKLOG:-} ]] || echo "generator start-up before its first event (not counted):" \
  "$(awk "BEGIN{printf \"%.1f\", $start - $launched}") s"
echo "end-to-end: $N events (stored $stored, rejected $rejected) in $(awk "BEGIN{printf \"%.1f\", $end - $start}") s = $e2e events/s"

[[ -z ${SKIP_COPY:-} ]] || exit 0
# yardstick: a bare COPY of N enrolment-shaped rows with a UUID key, same server, same durability
line=$("$ROOT/deploy/bench/copy-yardstick.sh" "$N") && echo "$line"
copy=$(sed -nE 's/.* = ([0-9]+) rows\/s/\1/p' <<<"$line")
echo "end-to-end / COPY = $(awk "BEGIN{printf \"%.1f\", 100 * $e2e / $copy}") %"
