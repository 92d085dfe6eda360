#!/usr/bin/env bash
# The Kafka broker of the compose stack (entrypoint of service kafka in compose.yaml): one KRaft node, broker and
# controller, configured like deploy/local/nobd's (docs/security.md#kafka). Clients log in with SASL/SCRAM-SHA-512
# on listener CLIENT (kafka:9092, the services) or HOST (published to the host), and are authorized by ACLs
# (StandardAuthorizer, nothing allowed without one); the controller listener takes a static SASL/PLAIN login.
# admin's SCRAM login is written when the storage is formatted (first start of an empty volume); the other users,
# their ACLs and the topics come from kafka/setup.sh.
set -euo pipefail
: "${NOBD_KAFKA_ADMIN_PASSWORD:?}" "${NOBD_KAFKA_CONTROLLER_PASSWORD:?}"
KAFKA_BIN="${KAFKA_BIN:-/opt/kafka/bin}"
DATA="${NOBD_KAFKA_DATA:-/var/lib/kafka/data}"
CONF="${NOBD_KAFKA_CONF:-/tmp/nobd-server.properties}"
scram() { echo "org.apache.kafka.common.security.scram.ScramLoginModule required username=\"$1\" password=\"$2\";"; }

(umask 077 && cat >"$CONF") <<CONF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@localhost:9093
listeners=CLIENT://:9092,HOST://:19092,CONTROLLER://localhost:9093
advertised.listeners=CLIENT://${NOBD_KAFKA_ADVERTISED:-kafka:9092},HOST://${NOBD_KAFKA_HOST_ADVERTISED:-127.0.0.1:9092}
listener.security.protocol.map=CLIENT:SASL_PLAINTEXT,HOST:SASL_PLAINTEXT,CONTROLLER:SASL_PLAINTEXT
controller.listener.names=CONTROLLER
inter.broker.listener.name=CLIENT
sasl.mechanism.inter.broker.protocol=SCRAM-SHA-512
listener.name.client.sasl.enabled.mechanisms=SCRAM-SHA-512
listener.name.client.scram-sha-512.sasl.jaas.config=$(scram admin "$NOBD_KAFKA_ADMIN_PASSWORD")
listener.name.host.sasl.enabled.mechanisms=SCRAM-SHA-512
listener.name.host.scram-sha-512.sasl.jaas.config=$(scram admin "$NOBD_KAFKA_ADMIN_PASSWORD")
listener.name.controller.sasl.enabled.mechanisms=PLAIN
sasl.mechanism.controller.protocol=PLAIN
listener.name.controller.plain.sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="controller" password="$NOBD_KAFKA_CONTROLLER_PASSWORD" user_controller="$NOBD_KAFKA_CONTROLLER_PASSWORD";
authorizer.class.name=org.apache.kafka.metadata.authorizer.StandardAuthorizer
super.users=User:admin;User:controller
allow.everyone.if.no.acl.found=false
log.dirs=$DATA
num.partitions=3
default.replication.factor=1
offsets.topic.replication.factor=1
offsets.topic.num.partitions=5
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
transaction.state.log.num.partitions=5
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=false
CONF

if [[ ! -f "$DATA/meta.properties" ]]; then
  echo "nobd: formatting $DATA (KRaft, SCRAM login of admin)"
  "$KAFKA_BIN/kafka-storage.sh" format --cluster-id="$("$KAFKA_BIN/kafka-storage.sh" random-uuid)" -c "$CONF" \
    --add-scram "SCRAM-SHA-512=[name=admin,password=$NOBD_KAFKA_ADMIN_PASSWORD]"
fi
exec "$KAFKA_BIN/kafka-server-start.sh" "$CONF"
