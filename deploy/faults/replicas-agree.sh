#!/usr/bin/env bash
# Do report-service replicas agree? On the dev stack with two copies of every service (deploy/local/nobd up
# --replicas 2): publishes enrolment events (an outside producer on ingest.enrolment.v1, which the two ingest
# replicas share through their consumer group) and one equipment report through each ingest replica's REST API,
# waits until both report replicas have stored the same offsets (replica_0.topic_offset = replica_1.topic_offset,
# unchanged for 5 s), then compares their JSON answers to a set of queries byte for byte. Then restarts report
# replica 1 (same id: it resumes from its snapshot), times it to ready, and compares again.
#
#   deploy/faults/replicas-agree.sh [EVENTS]      (default 20000)
#   env: KEEP_UP=1 leaves the stack running (default: deploy/local/nobd down at the end)
#        SKIP_UP=1 uses the running stack as it is (2 replicas of report-service must run)
# Exit status 0 if every comparison matched; the last line says AGREE or DISAGREE. Answers of a mismatch are kept
# in .cache/dev/replicas-agree/.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
NOBD="$ROOT/deploy/local/nobd"
EVENTS=${1:-20000}
log() { printf '%s replicas-agree %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

[[ -n ${SKIP_UP:-} ]] || "$NOBD" up --replicas 2 >&2
eval "$("$NOBD" env --instance dev)"
PSQL=(psql -h 127.0.0.1 -p "$NOBD_PG_PORT" -U nobd -v ON_ERROR_STOP=1 -Atq)
KAFKA_LIBS=$(ls -d "$ROOT"/.cache/dist/kafka-*/libs | head -1)
REPORT=(http://127.0.0.1:8083 http://127.0.0.1:8093) INGEST=(http://127.0.0.1:8082 http://127.0.0.1:8092)
out="$ROOT/.cache/dev/replicas-agree" && rm -rf "$out" && mkdir -p "$out"
finish() { [[ -n ${KEEP_UP:-} ]] || "$NOBD" down >&2 || true; }
trap finish EXIT
for url in "${REPORT[@]}" "${INGEST[@]}"; do
  curl -sf -o /dev/null "$url/q/health/ready" || die "$url is not ready (nobd up --replicas 2)"
done

# ------------------------------------------------------------------ publish
"${PSQL[@]}" -d registry -c "select bin from institution where status = 'OPEN' and type in ('SCHOOL','SMALL_SCHOOL','BOARDING')" \
  > "$out/bins.txt"
[[ -s "$out/bins.txt" ]] || die "no schools in the registry"
first_index=$("${PSQL[@]}" -d ingest -c "select count(*) from accepted_event")
[[ -d "$ROOT/contracts/target/classes" ]] || (cd "$ROOT" && ./mvnw -B -q -pl contracts compile >&2) # Checksum12
log "publishing $EVENTS ENROLLED events of new students"
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "$KAFKA_LIBS/*:$ROOT/contracts/target/classes" \
  "$ROOT/deploy/bench/GenerateEnrolment.java" "$NOBD_KAFKA_CLIENTS/school-systems.properties" "$EVENTS" "$out/bins.txt" "$RANDOM" "$first_index" 0 \
  >/dev/null
token=$("$ROOT/deploy/local/token.sh" ministry)
for i in 0 1; do # one equipment report through each ingest replica
  bin=$(sed -n "$((i + 1))p" "$out/bins.txt")
  body=$(printf '{"reportId":"%s","schoolBin":"%s","asOf":"%s","devices":[{"kind":"DESKTOP","total":%d,"forTeaching":%d,"needsReplacement":1}],"internet":{"connected":true,"downloadMbps":%d,"technology":"FIBER"}}' \
    "$(cat /proc/sys/kernel/random/uuid)" "$bin" "$(TZ=Asia/Almaty date +%F)" $((10 + i)) $((8 + i)) $((20 + i)))
  code=$(curl -s -o "$out/equipment-$i.json" -w '%{http_code}' -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' --data "$body" "${INGEST[$i]}/api/v1/equipment-reports")
  [[ $code == 202 ]] || die "equipment report through ${INGEST[$i]}: HTTP $code $(cat "$out/equipment-$i.json")"
done

# ------------------------------------------------------------------ compare
offsets() { "${PSQL[@]}" -d report -c "select topic, partition, next_offset from replica_$1.topic_offset order by 1, 2"; }
# both replicas at the same offsets, and nothing new for 5 s (the ingest outbox empty): the same data; answers are
# kept at most 2 s after a change (nobd.report.cache-max-age), so after 5 s quiet both are current
await_same_offsets() {
  local deadline=$((SECONDS + ${1:-300})) a b last="" quiet=0
  while (( SECONDS < deadline )); do
    a=$(offsets 0) b=$(offsets 1)
    if [[ $a == "$b" && $a == "$last" && $("${PSQL[@]}" -d ingest -c "select count(*) from outbox_message") == 0 ]]; then
      (( ++quiet >= 5 )) && return 0
    else quiet=0; fi
    last=$a
    sleep 1
  done
  die "the replicas' stored offsets did not meet within ${1:-300} s: replica 0: $(tr '\n' ' ' <<<"$a") replica 1: $(tr '\n' ' ' <<<"$b")"
}

past=$(TZ=Asia/Almaty date -d '-60 days' +%F)
QUERIES=(
  "/api/v1/rollups/enrolment?level=NATIONAL"
  "/api/v1/rollups/enrolment?level=NATIONAL&by=grade,sex,language"
  "/api/v1/rollups/enrolment?level=OBLAST&by=locality,type,ownership"
  "/api/v1/rollups/enrolment?level=DISTRICT&kato=110000000&by=grade"
  "/api/v1/rollups/enrolment?level=SCHOOL&kato=750000000&by=grade,sex&size=500"
  "/api/v1/rollups/enrolment?level=OBLAST&asOf=$past&by=grade"
  "/api/v1/rollups/equipment?level=OBLAST&by=locality"
  "/api/v1/indicators?level=NATIONAL"
  "/api/v1/indicators?level=OBLAST&kato=190000000"
  "/api/v1/completeness?kind=equipment&kato=110000000"
)
failures=0
compare() { # compare <label>
  local q i n=0 same=0
  token=$("$ROOT/deploy/local/token.sh" ministry)
  for q in "${QUERIES[@]}"; do
    n=$((n + 1))
    for i in 0 1; do
      curl -sf -H "Authorization: Bearer $token" "${REPORT[$i]}$q" > "$out/$1-$n-replica$i.json" \
        || die "$q on ${REPORT[$i]} failed"
    done
    if cmp -s "$out/$1-$n-replica0.json" "$out/$1-$n-replica1.json"; then same=$((same + 1))
    else log "$1: $q DIFFERS ($out/$1-$n-replica{0,1}.json)"; failures=$((failures + 1)); fi
  done
  log "$1: $same of $n answers byte for byte the same ($(wc -c < "$out/$1-1-replica0.json") bytes and more each; national: $(sed -nE 's/.*"students":([0-9]+).*/\1/p' "$out/$1-1-replica0.json") students)"
}

await_same_offsets 600
compare "after-publication"

log "restarting report-service.1 (replica id 1: resumes from its snapshot in schema replica_1)"
"$NOBD" down report-service.1 >&2
"$NOBD" up --replicas 2 >&2 & up=$!
t0=$(date +%s.%N)
until curl -sf -o /dev/null "${REPORT[1]}/q/health/ready"; do
  kill -0 "$up" 2>/dev/null || curl -sf -o /dev/null "${REPORT[1]}/q/health/ready" || die "report-service.1 did not start"
  sleep 0.2
done
log "report-service.1 ready $(awk "BEGIN{printf \"%.1f\", $(date +%s.%N) - $t0}") s after the start command (no build: replica 0 runs)"
wait "$up"
grep -h 'report-facts: assigned\|report-registry: assigned\|facts: cube of' "$ROOT/.cache/dev/logs/report-service.1.log" | tail -3 >&2 || true
await_same_offsets 120
compare "after-restart"

if (( failures == 0 )); then echo "AGREE: both report replicas gave the same answers before and after a restart"; exit 0; fi
echo "DISAGREE: $failures answers differed (kept in $out)"
exit 1
