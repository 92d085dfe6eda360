#!/usr/bin/env bash
# Seeds the dev stack with demo data through the public APIs, as the ministry's and the schools' systems would:
#  1. institutions (idempotent: the CSV import is an upsert): the named demo institutions the demo users are bound
#     to, then NOBD_SEED_COUNT synthetic institutions spread like deploy/seed/schools_by_region.csv;
#  2. demo activity (test-support kz.nobd.testing.seed.DemoActivity, docs/operations.md#demo-data): for every open
#     general-education school of the registry three school years of enrolment events, two equipment censuses, a few
#     rejected events and conflicts at the demo schools and an ENROLMENT reporting period; it waits until ingest has
#     decided every event and prints one summary line. Sent once per instance and settings: .cache/<instance>/
#     demo-activity.sent remembers them (`nobd down --purge` deletes it; delete it to send again: ingest deduplicates
#     a rerun, which changes nothing).
# Environment:
#   NOBD_SEED_COUNT     (300) synthetic institutions
#   NOBD_SEED_STUDENTS  (120) students per school on average in the demo activity (small rural schools fewer, city
#                       schools more); 0: no demo activity (deploy/faults/run counts every event it sends itself)
#   NOBD_SEED_RANDOM    (7)   seed of the demo activity: the same seed, registry and school year give the same data
#   NOBD_REGISTRY_PORT, NOBD_INGEST_PORT, NOBD_REPORT_PORT (8081, 8082, 8083), NOBD_KEYCLOAK_URL (http://127.0.0.1:8180)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
registry="http://127.0.0.1:${NOBD_REGISTRY_PORT:-8081}"
token=$("$ROOT/deploy/local/token.sh" ministry)
generated=$(mktemp)
sent="$ROOT/.cache/${NOBD_INSTANCE:-dev}/demo-activity.sent"
trap 'rm -f "$generated" "$sent.tmp"' EXIT
[[ -d "$ROOT/contracts/target/classes" ]] || (cd "$ROOT" && ./mvnw -B -q -pl contracts compile >&2) # Checksum12
java -cp "$ROOT/contracts/target/classes" "$ROOT/deploy/bench/GenerateInstitutions.java" "${NOBD_SEED_COUNT:-300}" 7 \
  "$ROOT/registry-service/src/main/resources/kato/kato.csv" "$ROOT/deploy/seed/schools_by_region.csv" "$generated"
for csv in "$ROOT/deploy/seed/demo-institutions.csv" "$generated"; do
  "$ROOT/deploy/local/import-csv.sh" "$csv" "$token" "$registry"
done

students=${NOBD_SEED_STUDENTS:-120} seed=${NOBD_SEED_RANDOM:-7}
(( students > 0 )) || { echo "seed.sh: no demo activity (NOBD_SEED_STUDENTS=0)" >&2; exit 0; }
settings="institutions=${NOBD_SEED_COUNT:-300} students=$students seed=$seed"
if [[ -f $sent && $(head -n 1 "$sent") == "$settings" ]]; then
  echo "seed.sh: demo activity sent before ($(sed -n 2p "$sent")); delete $sent to send it again" >&2
  exit 0
fi
# test-support's classes and the jars they need (target/runtime-classpath.txt, written when the module compiles;
# `nobd up` builds it with the services): compiled again when missing or older than its sources
classes="$ROOT/test-support/target/classes"
main="$classes/kz/nobd/testing/seed/DemoActivity.class"
if [[ ! -f $main || ! -f "$ROOT/test-support/target/runtime-classpath.txt" ]] \
  || [[ -n $(find "$ROOT/test-support/src/main" "$ROOT/contracts/src/main" "$ROOT/test-support/pom.xml" -newer "$main" -print -quit) ]]; then
  (cd "$ROOT" && ./mvnw -B -q -pl test-support -am compile >&2)
fi
java -cp "$classes:$ROOT/contracts/target/classes:$(cat "$ROOT/test-support/target/runtime-classpath.txt")" \
  kz.nobd.testing.seed.DemoActivity --registry "$registry" \
  --ingest "http://127.0.0.1:${NOBD_INGEST_PORT:-8082}" --report "http://127.0.0.1:${NOBD_REPORT_PORT:-8083}" \
  --keycloak "${NOBD_KEYCLOAK_URL:-http://127.0.0.1:8180}" --students "$students" --seed "$seed" | tee "$sent.tmp"
{ echo "$settings"; cat "$sent.tmp"; } >"$sent"
