package kz.nobd.ingest.messaging;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerConfig;

import io.smallrye.common.annotation.Identifier;
import kz.nobd.support.KafkaConsumerSettings;

/** Client settings shared by ingest's producers and consumers, on top of {@code kafka.bootstrap.servers}. */
@ApplicationScoped
public class KafkaSettings {
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    /**
     * A consumer that commits offsets itself, after the database commit, and reads committed data only; without a
     * group when {@code groupId} is null (a loop in assign mode).
     */
    public Map<String, Object> consumer(String groupId, int maxPollRecords) {
        return KafkaConsumerSettings.of(kafka.get("bootstrap.servers"), groupId, maxPollRecords);
    }

    /** An idempotent producer (acks=all); with a transactional id when {@code transactionalId} is not null. */
    public Map<String, Object> producer(String clientId, String transactionalId) {
        Map<String, Object> props = new HashMap<>();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.get("bootstrap.servers"));
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        if (transactionalId != null) {
            props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
            props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 30_000);
        }
        return props;
    }
}
