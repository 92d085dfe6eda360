package kz.nobd.registry.messaging;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import kz.nobd.registry.config.RegistryConfig;
import kz.nobd.registry.domain.OutboxMessage;
import kz.nobd.support.messaging.KafkaClients;

/**
 * Stands in for the Kafka publisher in relay tests: first Kafka is unreachable (throws before publishing); after
 * {@link #dieAfterPublishing()} the relay dies right after Kafka acknowledged each batch (publishes through the
 * real publisher, then throws, so the relay's delete rolls back). It extends the bean class because a QuarkusMock
 * of a class-based bean must be castable to that class; the producer its super constructor opens is never used,
 * and {@link #close()} releases it.
 */
public final class FaultyOutboxPublisher extends KafkaOutboxPublisher implements AutoCloseable {
    private final OutboxPublisher kafka;
    private volatile boolean reachable;
    /** Ids of every outbox message the relay tried to publish. */
    final Set<Long> offered = ConcurrentHashMap.newKeySet();
    /** Batches published before the relay "died". */
    final AtomicInteger deaths = new AtomicInteger();

    public FaultyOutboxPublisher(KafkaClients clients, RegistryConfig config, OutboxPublisher kafka) {
        super(clients, config);
        this.kafka = kafka;
    }

    void dieAfterPublishing() {
        reachable = true;
    }

    @Override
    public void publish(List<OutboxMessage> batch) {
        batch.forEach(m -> offered.add(m.id));
        if (!reachable) {
            throw new IllegalStateException("test: Kafka is unreachable");
        }
        kafka.publish(batch);
        deaths.incrementAndGet();
        throw new IllegalStateException("test: the relay died after Kafka acknowledged the batch");
    }

    @Override
    public void close() {
        super.close();
    }
}
