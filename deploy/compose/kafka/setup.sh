#!/usr/bin/env bash
# One-shot job of the compose stack (service kafka-setup): as admin, the SCRAM-SHA-512 login of every user that
# deploy/local/kafka-acls.txt names (password from NOBD_<USER>_KAFKA_PASSWORD, e.g. NOBD_SCHOOL_SYSTEMS_KAFKA_PASSWORD),
# the ACLs of that file, and the topics of deploy/local/topics.txt (missing ones created, existing ones left alone).
# Idempotent: it runs at every `docker compose up`. Unlike deploy/local/KafkaAccess.java it adds and never deletes
# (an ACL removed from the file stays until removed by hand). Prints "nobd: kafka setup done" at the end.
set -euo pipefail
: "${NOBD_KAFKA_ADMIN_PASSWORD:?}"
KAFKA_BIN="${KAFKA_BIN:-/opt/kafka/bin}"
BOOTSTRAP="${NOBD_KAFKA_BOOTSTRAP:-kafka:9092}"
ACLS="${NOBD_KAFKA_ACLS:-/nobd/kafka-acls.txt}"
TOPICS="${NOBD_KAFKA_TOPICS:-/nobd/topics.txt}"
ADMIN=/tmp/nobd-admin.properties
(umask 077 && cat >"$ADMIN") <<PROPS
security.protocol=SASL_PLAINTEXT
sasl.mechanism=SCRAM-SHA-512
sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required username="admin" password="$NOBD_KAFKA_ADMIN_PASSWORD";
PROPS
lines() { awk '!/^[[:space:]]*(#|$)/' "$1"; }
as_admin() { local tool="$1"; shift; "$KAFKA_BIN/$tool" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN" "$@"; }

for user in $(lines "$ACLS" | awk '{print $1}' | sort -u); do
  var="NOBD_$(echo "$user" | tr 'a-z-' 'A-Z_')_KAFKA_PASSWORD"
  password="${!var:-}"
  [[ -n $password ]] || { echo "nobd: $var is not set (the password of Kafka user $user)" >&2; exit 1; }
  echo "nobd: user $user"
  as_admin kafka-configs.sh --alter --entity-type users --entity-name "$user" \
    --add-config "SCRAM-SHA-512=[password=$password]" >/dev/null
done

lines "$ACLS" | while read -r user operation type name pattern; do
  case "$type" in
    TOPIC) resource=(--topic "$name") ;;
    GROUP) resource=(--group "$name") ;;
    TRANSACTIONAL_ID) resource=(--transactional-id "$name") ;;
    CLUSTER) resource=(--cluster) ;;
    *) echo "nobd: unknown resource type $type in $ACLS" >&2; exit 1 ;;
  esac
  pattern="${pattern:-LITERAL}"
  echo "nobd: ACL $user $operation $type $name $pattern"
  as_admin kafka-acls.sh --add --allow-principal "User:$user" --operation "$operation" "${resource[@]}" \
    --resource-pattern-type "$pattern" >/dev/null
done

lines "$TOPICS" | while read -r name partitions retention; do
  echo "nobd: topic $name"
  as_admin kafka-topics.sh --create --if-not-exists --topic "$name" --partitions "$partitions" \
    --replication-factor "${NOBD_KAFKA_REPLICATION_FACTOR:-1}" --config "retention.ms=$retention" \
    --config "min.insync.replicas=${NOBD_KAFKA_MIN_INSYNC_REPLICAS:-1}" >/dev/null
done
echo "nobd: kafka setup done"
