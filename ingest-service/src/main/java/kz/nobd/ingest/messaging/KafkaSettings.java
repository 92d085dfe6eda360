package kz.nobd.ingest.messaging;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerConfig;

import kz.nobd.support.messaging.KafkaClients;

/** Ingest's producer tuning, on top of the service's Kafka client configuration ({@link KafkaClients}). */
@ApplicationScoped
public class KafkaSettings {
    @Inject
    KafkaClients clients;

    /**
     * A consumer that commits offsets itself, after the database commit, and reads committed data only; without a
     * group when {@code groupId} is null (a loop in assign mode).
     */
    public Map<String, Object> consumer(String groupId, int maxPollRecords) {
        return clients.consumer(groupId, maxPollRecords);
    }

    /** An idempotent producer (acks=all); with a transactional id when {@code transactionalId} is not null. */
    public Map<String, Object> producer(String clientId, String transactionalId) {
        Map<String, Object> props = clients.producer(clientId);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        props.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30_000);
        if (transactionalId != null) {
            props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, transactionalId);
            props.put(ProducerConfig.TRANSACTION_TIMEOUT_CONFIG, 30_000);
            // a REST request waits for these: with the broker gone, start, commit and abort each give up after 3 s,
            // so the client gets its 503 within seconds, not after its own timeout (deploy/faults, scenario c)
            props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 3_000);
        }
        return props;
    }
}
