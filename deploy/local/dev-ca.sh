#!/usr/bin/env bash
# The dev stack's test CA on the command line (kz.nobd.testing.signing.DevCa in test-support; test keys only):
#   deploy/local/dev-ca.sh init   <dir> <bin>...                     both CAs if <dir>/ca-rsa.pem is missing, an empty
#                                                                    CRL each, an RSA and a GOST certificate per BIN
#   deploy/local/dev-ca.sh sign   <dir> <bin> <content-file> [--gost] prints the base64 detached CMS signature
#   deploy/local/dev-ca.sh revoke <dir> <bin> [--gost]                revokes that certificate, rewrites the CRL
# deploy/local/nobd up runs init in .cache/dev/dev-ca for the demo schools and gives report-service its CA
# certificates and CRLs. Runs on what the build made (test-support's and contracts' classes, the BouncyCastle jars
# of report-service's packaged app), so it works offline after `nobd up` or
# `./mvnw package -DskipTests -pl report-service -am`.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
classes="$ROOT/test-support/target/classes"
jars=("$ROOT"/report-service/target/quarkus-app/lib/main/org.bouncycastle.*.jar)
if [[ ! -f $classes/kz/nobd/testing/signing/DevCa.class || ! -e ${jars[0]} ]]; then
  echo "dev-ca.sh: not built: run deploy/local/nobd up (or ./mvnw package -DskipTests -pl report-service -am)" >&2
  exit 1
fi
exec java -cp "$classes:$ROOT/contracts/target/classes:$(IFS=:; echo "${jars[*]}")" kz.nobd.testing.signing.DevCa "$@"
