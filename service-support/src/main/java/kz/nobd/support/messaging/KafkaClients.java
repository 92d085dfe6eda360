package kz.nobd.support.messaging;

import java.util.HashMap;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;

import io.quarkus.runtime.Startup;
import io.smallrye.common.annotation.Identifier;
import kz.nobd.support.Secrets;

/**
 * The one place a service's Kafka clients take their settings from: the whole {@code kafka.*} configuration
 * (bootstrap servers, security protocol, SASL, TLS: whatever the operator sets, as Quarkus' own Kafka health check
 * sees it), to which each client adds its own. Read at start-up, so that a setting that cannot be read stops the
 * service instead of failing its first send (the SASL password is one of the {@link Secrets}, validated earlier).
 */
@Startup
@Singleton
public class KafkaClients {
    private final Map<String, Object> base;

    @Inject
    public KafkaClients(@Identifier("default-kafka-broker") Map<String, Object> kafka) {
        this.base = Map.copyOf(kafka);
    }

    /** Every setting of the configuration, in a new map a client may add to. */
    public Map<String, Object> base() {
        return new HashMap<>(base);
    }

    /**
     * A consumer that commits offsets itself, after the database commit, and reads committed data only; without a
     * consumer group when {@code groupId} is null (a {@link ConsumerLoop#assigned} loop, which stores its offsets).
     */
    public Map<String, Object> consumer(String groupId, int maxPollRecords) {
        Map<String, Object> props = base();
        // Quarkus puts the application's name in the configuration as group.id: a loop in assign mode must not
        // carry it (it would be a group nobody commits to, and name the loop's lag after the service)
        props.remove(ConsumerConfig.GROUP_ID_CONFIG);
        if (groupId != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        }
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, maxPollRecords);
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 16 * 1024 * 1024);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 4 * 1024 * 1024);
        return props;
    }

    /** A consumer without a group, for a loop in assign mode ({@code clientId} names it in the broker's logs). */
    public Map<String, Object> assignedConsumer(String clientId, int maxPollRecords) {
        Map<String, Object> props = consumer(null, maxPollRecords);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return props;
    }

    /** An idempotent producer that waits for every in-sync replica ({@code acks=all}). */
    public Map<String, Object> producer(String clientId) {
        Map<String, Object> props = base();
        props.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        return props;
    }
}
