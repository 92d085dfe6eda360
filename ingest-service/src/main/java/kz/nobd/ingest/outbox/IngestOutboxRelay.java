package kz.nobd.ingest.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import kz.nobd.support.messaging.ConsumerLoopShutdown;
import kz.nobd.support.messaging.OutboxDrain;
import kz.nobd.ingest.messaging.KafkaSettings;

/**
 * Publishes facts and rejections from the outbox in id order (a row's messages in their order) and deletes them once Kafka acknowledged them, in
 * one transaction: a crash between the state commit and the publication loses nothing (at least once; facts
 * are upserts by spell id or report id downstream). One active relay: a transaction-level advisory lock.
 */
@ApplicationScoped
public class IngestOutboxRelay {
    private static final long RELAY_LOCK = 0x494E4752L; // "INGR"
    private static final int BATCH = 20_000;

    @Inject
    DataSource dataSource;
    @Inject
    KafkaSettings kafka;

    private KafkaProducer<String, String> producer;
    private final OutboxDrain drain = new OutboxDrain("ingest outbox relay");
    private final AtomicLong published = new AtomicLong();

    @Inject
    void registerMetrics(MeterRegistry registry) {
        registry.more().counter("nobd_outbox_published", List.of(), published);
        Gauge.builder("nobd_outbox_waiting_rows", this, IngestOutboxRelay::waitingRows).strongReference(true)
                .description("outbox rows not yet published, each the messages of one transaction for one topic")
                .register(registry);
    }

    public OutboxDrain drain() {
        return drain;
    }

    @PostConstruct
    void init() {
        Map<String, Object> settings = kafka.producer("ingest-outbox-relay", null);
        // facts uncompressed: the Kafka client's lz4 runs as pure Java here, and compressing tens of thousands of
        // facts a second cost the JVM a twentieth of its time in a bulk load (docs/decisions.md)
        settings.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "none");
        producer = new KafkaProducer<>(settings, new StringSerializer(), new StringSerializer());
    }

    @PreDestroy
    void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }

    /** On shutdown, after the consumers committed their last batches: their facts go out if Kafka takes them soon. */
    void lastDrain(@Observes @Priority(ConsumerLoopShutdown.RELAY_PRIORITY) ShutdownEvent event) {
        drain.lastTick(this::relayOnce, BATCH, OutboxDrain.LAST_DRAIN_TIMEOUT);
    }

    @Scheduled(every = "${nobd.ingest.outbox-poll-interval:1s}", delayed = "1s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        drain.tick(this::relayOnce, BATCH);
    }

    /**
     * Publishes the messages of the oldest rows, at least BATCH of them if there are that many (a row's messages are
     * sent together); returns how many, at most BATCH (0 when idle or another relay leads).
     */
    public int relayOnce() {
        return QuarkusTransaction.requiringNew().timeout(120).call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                if (!leader(connection)) {
                    return 0;
                }
                List<Long> ids = new ArrayList<>();
                List<Future<RecordMetadata>> acks = new ArrayList<>();
                // a cursor (autocommit is off): rows are fetched a few at a time until BATCH messages are sent
                try (PreparedStatement select = connection.prepareStatement(
                        "select id, topic, key_lines, payload_lines from outbox_message order by id")) {
                    select.setFetchSize(4);
                    try (ResultSet rs = select.executeQuery()) {
                        while (acks.size() < BATCH && rs.next()) {
                            ids.add(rs.getLong(1));
                            for (OutboxWriter.Message m : OutboxWriter.lines(rs.getString(2), rs.getString(3),
                                    rs.getString(4))) {
                                acks.add(producer.send(new ProducerRecord<>(m.topic(), m.key(), m.payload())));
                            }
                        }
                    }
                }
                for (Future<RecordMetadata> ack : acks) {
                    ack.get(30, TimeUnit.SECONDS);
                }
                deletePublished(connection, ids);
                published.addAndGet(acks.size());
                return Math.min(acks.size(), BATCH); // BATCH: more may be waiting

            }
        });
    }

    /** Rows waiting in the outbox, or NaN while the database cannot say (a scrape must not fail for it). */
    double waitingRows() {
        try (Connection connection = dataSource.getConnection();
             var statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select count(*) from outbox_message")) {
            rs.next();
            return rs.getLong(1);
        } catch (java.sql.SQLException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * Deletes the published messages as runs of consecutive ids, each one range scan of the primary key (an id
     * list of thousands can make the planner scan the whole table). Only runs without a gap are deleted as a
     * range, so a message that a slower transaction commits later with a lower id is never deleted unpublished.
     */
    private static void deletePublished(Connection connection, List<Long> ids) throws java.sql.SQLException {
        if (ids.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = connection.prepareStatement(
                "delete from outbox_message where id between ? and ?")) {
            int from = 0;
            for (int i = 1; i <= ids.size(); i++) {
                if (i == ids.size() || ids.get(i) != ids.get(i - 1) + 1) {
                    delete.setLong(1, ids.get(from));
                    delete.setLong(2, ids.get(i - 1));
                    delete.addBatch();
                    from = i;
                }
            }
            delete.executeBatch();
        }
    }

    private static boolean leader(Connection connection) throws java.sql.SQLException {
        try (var statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select pg_try_advisory_xact_lock(" + RELAY_LOCK + ")")) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
