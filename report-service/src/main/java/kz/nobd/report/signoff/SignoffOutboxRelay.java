package kz.nobd.report.signoff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import kz.nobd.contracts.Topics;
import kz.nobd.report.messaging.Transactions;
import kz.nobd.support.messaging.ConsumerLoopShutdown;
import kz.nobd.support.messaging.KafkaAcks;
import kz.nobd.support.messaging.KafkaClients;
import kz.nobd.support.messaging.OutboxDrain;

/**
 * Publishes the returns' status changes from the outbox of schema signoff to {@code signoff.returns.v1} in id order
 * and deletes them once Kafka acknowledged them, in one transaction; a transaction advisory lock makes one replica's
 * relay active at a time. At least once: a consumer orders and dedupes by (periodId, schoolBin, seq).
 */
@ApplicationScoped
public class SignoffOutboxRelay {
    static final int BATCH = 500;
    private static final long SEND_TIMEOUT_MS = 30_000;

    private final OutboxDrain drain = new OutboxDrain("sign-off outbox relay");
    private final Producer<String, String> producer;

    @Inject
    SignoffDatabase database;

    @Inject
    public SignoffOutboxRelay(KafkaClients clients) {
        Map<String, Object> props = clients.producer("report-signoff-relay");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) SEND_TIMEOUT_MS);
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    public OutboxDrain drain() {
        return drain;
    }

    @Scheduled(every = "${nobd.report.signoff.outbox-poll-interval:1s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        drain.tick(this::relayOnce, BATCH);
    }

    void lastDrain(@Observes @Priority(ConsumerLoopShutdown.RELAY_PRIORITY) ShutdownEvent event) {
        drain.lastTick(this::relayOnce, BATCH, OutboxDrain.LAST_DRAIN_TIMEOUT);
    }

    /** Publishes one batch; returns how many were published (0 when idle or another replica's relay leads). */
    public int relayOnce() {
        return Transactions.run(database.source(), c -> {
            if (!lead(c)) {
                return 0;
            }
            List<Long> ids = new ArrayList<>();
            List<Future<RecordMetadata>> acks = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, message_key, payload FROM outbox ORDER BY id "
                    + "LIMIT " + BATCH);
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                    acks.add(producer.send(new ProducerRecord<>(Topics.SIGNOFF_RETURNS, rs.getString(2),
                            rs.getString(3))));
                }
            }
            if (ids.isEmpty()) {
                return 0;
            }
            KafkaAcks.await(acks, java.time.Duration.ofMillis(SEND_TIMEOUT_MS));
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM outbox WHERE id = ANY (?)")) {
                ps.setArray(1, c.createArrayOf("bigint", ids.toArray()));
                ps.executeUpdate();
            }
            return ids.size();
        });
    }

    private static boolean lead(Connection c) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT pg_try_advisory_xact_lock(hashtext('nobd.signoff.outbox-relay'))");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    @PreDestroy
    void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
