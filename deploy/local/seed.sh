#!/usr/bin/env bash
# Seeds the dev stack with demo data through the public API (idempotent: the CSV import is an upsert):
# the named demo institutions the demo users are bound to, then NOBD_SEED_COUNT (default 300) synthetic
# institutions spread like deploy/seed/schools_by_region.csv.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
registry="http://127.0.0.1:${NOBD_REGISTRY_PORT:-8081}"
token=$("$ROOT/deploy/local/token.sh" ministry)
generated=$(mktemp)
trap 'rm -f "$generated"' EXIT
[[ -d "$ROOT/contracts/target/classes" ]] || (cd "$ROOT" && ./mvnw -B -q -pl contracts compile >&2) # Checksum12
java -cp "$ROOT/contracts/target/classes" "$ROOT/deploy/bench/GenerateInstitutions.java" "${NOBD_SEED_COUNT:-300}" 7 \
  "$ROOT/registry-service/src/main/resources/kato/kato.csv" "$ROOT/deploy/seed/schools_by_region.csv" "$generated"
for csv in "$ROOT/deploy/seed/demo-institutions.csv" "$generated"; do
  "$ROOT/deploy/local/import-csv.sh" "$csv" "$token" "$registry"
done
