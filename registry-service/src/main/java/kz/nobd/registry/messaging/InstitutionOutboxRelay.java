package kz.nobd.registry.messaging;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import kz.nobd.registry.config.RegistryConfig;
import kz.nobd.registry.domain.OutboxMessage;
import kz.nobd.registry.repository.OutboxRepository;
import kz.nobd.support.messaging.ConsumerLoopShutdown;
import kz.nobd.support.messaging.OutboxDrain;

/**
 * Publishes outbox messages in id (= commit) order to Kafka and deletes them only after Kafka acknowledged them,
 * in one transaction: a crash between commit and publish, or between publish and delete, loses nothing (the
 * batch is published again: at least once; consumers ignore versions they already hold). A transaction-level
 * advisory lock makes one relay active even when several instances run.
 */
@ApplicationScoped
public class InstitutionOutboxRelay {
    @Inject
    OutboxRepository outbox;
    @Inject
    OutboxPublisher publisher;
    @Inject
    RegistryConfig config;

    private final AtomicLong published = new AtomicLong();
    private final OutboxDrain drain = new OutboxDrain("registry outbox relay");

    public OutboxDrain drain() {
        return drain;
    }

    @Inject
    void registerMetrics(MeterRegistry registry) {
        registry.more().counter("nobd_outbox_published", List.of(), published);
        Gauge.builder("nobd_outbox_waiting_messages", this, InstitutionOutboxRelay::pendingOrNaN).strongReference(true)
                .description("messages committed in the outbox and not yet published").register(registry);
    }

    @Scheduled(every = "${nobd.registry.outbox.poll-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        drain.tick(this::relayOnce, config.outbox().batchSize());
    }

    /** On shutdown: what is committed by now is published if Kafka takes it within a few seconds. */
    void lastDrain(@Observes @Priority(ConsumerLoopShutdown.RELAY_PRIORITY) ShutdownEvent event) {
        drain.lastTick(this::relayOnce, config.outbox().batchSize(), OutboxDrain.LAST_DRAIN_TIMEOUT);
    }

    /** Publishes one batch; returns how many messages were published (0 when idle or another relay leads). */
    public int relayOnce() {
        return QuarkusTransaction.requiringNew().timeout(120).call(() -> {
            if (!outbox.tryLeadRelay()) {
                return 0;
            }
            List<OutboxMessage> batch = outbox.oldest(config.outbox().batchSize());
            if (batch.isEmpty()) {
                return 0;
            }
            publisher.publish(batch);
            outbox.deleteByIds(batch.stream().map(m -> m.id).toList());
            published.addAndGet(batch.size());
            return batch.size();
        });
    }

    /** Messages committed but not yet published (a gauge for operations). */
    public long pending() {
        return QuarkusTransaction.requiringNew().call(outbox::count);
    }

    /** {@link #pending}, or NaN while the database cannot say (a scrape must not fail for it). */
    double pendingOrNaN() {
        try {
            return pending();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
