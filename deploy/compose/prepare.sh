#!/usr/bin/env bash
# Prepares deploy/compose for `docker compose up` on this machine (docs/images.md#docker-compose):
#  1. .env from .env.example with a random value for every placeholder ("change-me..."), unless .env exists
#     (the dev realm's client secret stays: Keycloak imports it from deploy/keycloak/nobd-realm.json);
#  2. dev-ca/: the test CA of signed returns with a certificate per demo school (deploy/local/dev-ca.sh; needs Java
#     and report-service built: ./mvnw -B package -Pimages -DskipTests builds it). Test keys only, never committed.
# Idempotent; neither file is committed (.gitignore).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"

if [[ -f "$HERE/.env" ]]; then
  echo "prepare: $HERE/.env exists, kept"
else
  # letters and digits only: the Kafka passwords are written into JAAS lines
  random() { head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c 32; }
  (umask 077 && while IFS= read -r line; do
    if [[ $line =~ ^([A-Z0-9_]+)=change ]]; then echo "${BASH_REMATCH[1]}=$(random)"; else echo "$line"; fi
  done <"$HERE/.env.example" >"$HERE/.env")
  echo "prepare: wrote $HERE/.env with random secrets"
fi

# the demo schools' BINs: the realm's org_bin attributes (as deploy/local/nobd's dev CA)
mapfile -t bins < <(sed -n '/"org_bin": \[/{n;s/[^0-9]//gp}' "$ROOT/deploy/keycloak/nobd-realm.json" | sort -u)
"$ROOT/deploy/local/dev-ca.sh" init "$HERE/dev-ca" "${bins[@]}"
# report-service runs as user 10001: it reads the certificates and CRLs, never the CA keys
chmod 755 "$HERE/dev-ca"
chmod a+r "$HERE/dev-ca/trust-anchors.pem" "$HERE/dev-ca"/*.crl.pem
echo "prepare: dev CA in $HERE/dev-ca (BINs ${bins[*]})"
