#!/usr/bin/env bash
# Signs a school's return of a period on the dev stack (deploy/local/nobd up), as the school head would with NCALayer:
#   deploy/local/sign-return.sh <period-id> <bin> [--gost]
# 1. a token of the demo user bound to <bin> (attribute org_bin in deploy/keycloak/nobd-realm.json, password "demo":
#    school.akmola 210540000010, school.almaty 210540000020), through deploy/local/token.sh;
# 2. GET  /api/v1/periods/<period-id>/returns/<bin>: the return; its "content" is the canonical JSON to sign, byte for
#    byte (the string's UTF-8), and "digest" names that content;
# 3. signs "content" with the head's certificate of the dev CA (.cache/dev/dev-ca, made by nobd up: RSA, or GOST R
#    34.10-2015 with --gost) as a detached CMS signature (deploy/local/dev-ca.sh sign);
# 4. POST /api/v1/periods/<period-id>/returns/<bin>/signature {"digest": "...", "signature": "<base64>"}, prints the
#    answer and its status; exit code 0 for a 2xx answer, 1 otherwise.
# Needs curl and jq. NOBD_REPORT_URL (default http://127.0.0.1:8083), NOBD_KEYCLOAK_URL (see token.sh), NOBD_DEV_CA
# (default .cache/dev/dev-ca). To see a refusal: deploy/local/dev-ca.sh revoke .cache/dev/dev-ca <bin> [--gost].
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
die() { echo "sign-return.sh: $*" >&2; exit 1; }
usage() { sed -n '3p' "$0" | sed 's/^#[[:space:]]*/usage: /' >&2; exit 2; }

gost=()
args=()
for a in "$@"; do
  case "$a" in --gost) gost=(--gost) ;; -h|--help) usage ;; -*) usage ;; *) args+=("$a") ;; esac
done
(( ${#args[@]} == 2 )) || usage
period=${args[0]} bin=${args[1]}
[[ $period =~ ^[A-Za-z0-9._:-]+$ ]] || die "period id '$period': letters, digits, '.', '_', ':' or '-' only"
[[ $bin =~ ^[0-9]{12}$ ]] || die "BIN '$bin' must be 12 digits"
command -v jq >/dev/null || die "jq is needed (apt-get install jq)"
ca_dir=${NOBD_DEV_CA:-$ROOT/.cache/dev/dev-ca}
[[ -f $ca_dir/$bin-rsa.pem ]] || die "no certificate for BIN $bin in $ca_dir (deploy/local/nobd up makes them for the demo schools; another BIN: deploy/local/dev-ca.sh init $ca_dir $bin)"

user=$(jq -r --arg bin "$bin" '.users[] | select((.attributes.org_bin // []) | index($bin)) | .username' \
  "$ROOT/deploy/keycloak/nobd-realm.json" | head -n 1)
[[ -n $user ]] || die "no demo user has org_bin $bin in deploy/keycloak/nobd-realm.json"
token=$("$ROOT/deploy/local/token.sh" "$user")
url="${NOBD_REPORT_URL:-http://127.0.0.1:8083}/api/v1/periods/$period/returns/$bin"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=$(curl -sS -o "$tmp/return.json" -w '%{http_code}' -H "Authorization: Bearer $token" \
  -H 'Accept: application/json' "$url")
if [[ $status != 200 ]]; then
  echo "GET $url: HTTP $status" >&2
  cat "$tmp/return.json" >&2 && echo >&2
  exit 1
fi
[[ $(jq -r '.content | type' "$tmp/return.json") == string ]] || die "GET $url: no string field \"content\""
digest=$(jq -r '.digest // empty' "$tmp/return.json")
[[ -n $digest ]] || die "GET $url: no field \"digest\""
jq -j '.content' "$tmp/return.json" >"$tmp/content" # the string's characters as UTF-8, nothing added

signature=$("$ROOT/deploy/local/dev-ca.sh" sign "$ca_dir" "$bin" "$tmp/content" "${gost[@]}")
jq -n --arg digest "$digest" --arg signature "$signature" '{digest: $digest, signature: $signature}' >"$tmp/body.json"
kind=rsa
(( ${#gost[@]} == 0 )) || kind=gost
echo "signing as $user with $ca_dir/$bin-$kind.pem: $(wc -c <"$tmp/content") bytes of content" >&2
status=$(curl -sS -o "$tmp/answer" -w '%{http_code}' -X POST -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' -H 'Accept: application/json' --data-binary @"$tmp/body.json" "$url/signature")
cat "$tmp/answer" && echo
echo "POST $url/signature: HTTP $status" >&2
[[ $status == 2* ]]
