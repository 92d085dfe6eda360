#!/usr/bin/env bash
# Seeds the dev stack with demo data through the public API (idempotent: the CSV import is an upsert):
# the named demo institutions the demo users are bound to, then NOBD_SEED_COUNT (default 300) synthetic
# institutions spread like deploy/seed/schools_by_region.csv.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
registry="http://127.0.0.1:${NOBD_REGISTRY_PORT:-8081}/api/v1/institutions/import"
token=$("$ROOT/deploy/local/token.sh" ministry)
generated=$(mktemp)
trap 'rm -f "$generated"' EXIT
[[ -d "$ROOT/contracts/target/classes" ]] || (cd "$ROOT" && ./mvnw -B -q -pl contracts compile >&2) # Checksum12
java -cp "$ROOT/contracts/target/classes" "$ROOT/deploy/bench/GenerateInstitutions.java" "${NOBD_SEED_COUNT:-300}" 7 \
  "$ROOT/registry-service/src/main/resources/kato/kato.csv" "$ROOT/deploy/seed/schools_by_region.csv" "$generated"
for csv in "$ROOT/deploy/seed/demo-institutions.csv" "$generated"; do
  summary=$(curl -sf -H "Authorization: Bearer $token" -H 'Content-Type: text/csv' --data-binary "@$csv" "$registry" \
    | sed -E 's/^\{("received":[0-9]+,"created":[0-9]+,"updated":[0-9]+,"unchanged":[0-9]+,"rejected":[0-9]+).*/\1/')
  echo "seed: $(basename "$csv"): $summary" >&2
done
