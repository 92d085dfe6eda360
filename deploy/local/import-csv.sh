#!/usr/bin/env bash
# Imports one CSV file into registry-service and waits for its job (POST /institutions/import answers 202 with the
# job's Location; the job is read until it has finished). Prints the job's status and counts on stderr; exits 1 if
# the file was refused or the job FAILED.
#   deploy/local/import-csv.sh <file.csv> <bearer token> [registry base URL, default http://127.0.0.1:8081]
#   env: DRY_RUN=1 (the import as a dry run: validated and written, then rolled back)
set -euo pipefail
csv=$1 token=$2 registry=${3:-http://127.0.0.1:${NOBD_REGISTRY_PORT:-8081}}
headers=$(mktemp)
trap 'rm -f "$headers"' EXIT
# a 503 (as many imports running or queued as the replica holds) is sent again after its Retry-After, 20 times at most
for _ in $(seq 20); do
  status=$(curl -s -o /dev/null -D "$headers" -w '%{http_code}' -H "Authorization: Bearer $token" \
    -H 'Content-Type: text/csv' --data-binary "@$csv" "$registry/api/v1/institutions/import${DRY_RUN:+?dryRun=true}")
  [[ $status == 503 ]] || break
  retry=$(awk 'tolower($1) == "retry-after:" {print $2 + 0}' "$headers")
  sleep "${retry:-1}"
done
[[ $status == 202 ]] || { echo "import of $(basename "$csv"): HTTP $status" >&2; exit 1; }
job=$(awk 'tolower($1) == "location:" {print $2}' "$headers" | tr -d '\r')
deadline=$((SECONDS + 900))
while :; do
  # a failed read (a replica restarting, a 503) is read again; the job goes on in the service meanwhile
  body=$(curl -sf -H "Authorization: Bearer $token" "$job") || body='"finishedAt":null'
  [[ $body == *'"finishedAt":null'* ]] || break
  (( SECONDS < deadline )) || { echo "import of $(basename "$csv"): job $job not finished after 900 s" >&2; exit 1; }
  sleep 0.1 # the bench times the import through this loop: a coarse poll would add up to its period per file
done
state=$(grep -oE '"status":"[A-Z]+"' <<<"$body" | cut -d'"' -f4)
echo "import of $(basename "$csv"): $state $(grep -oE '"received":[0-9]+,"processed":[0-9]+,"created":[0-9]+,"updated":[0-9]+,"unchanged":[0-9]+,"rejected":[0-9]+' <<<"$body")" >&2
[[ $state == DONE ]]
