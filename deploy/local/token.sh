#!/usr/bin/env bash
# Prints an access token of the local stack's realm nobd.
#   deploy/local/token.sh <demo user>          password grant on client nobd-cli (demo password "demo")
#   deploy/local/token.sh --report-consumer    client credentials of nobd-report-consumer
# Keycloak URL from NOBD_KEYCLOAK_URL (default: the dev stack, http://127.0.0.1:8180). Demo credentials only.
set -euo pipefail
url="${NOBD_KEYCLOAK_URL:-http://127.0.0.1:8180}/realms/nobd/protocol/openid-connect/token"
if [[ "${1:-}" == "--report-consumer" ]]; then
  response=$(curl -sf -d grant_type=client_credentials -d client_id=nobd-report-consumer \
    -d client_secret=demo-report-consumer-secret "$url")
else
  response=$(curl -sf -d grant_type=password -d client_id=nobd-cli -d "username=${1:?user}" -d password=demo "$url")
fi
sed -E 's/.*"access_token":"([^"]+)".*/\1/' <<<"$response"
