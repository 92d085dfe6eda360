package kz.nobd.ingest.messaging;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import kz.nobd.contracts.InstitutionCard;
import kz.nobd.contracts.InstitutionStatus;
import kz.nobd.contracts.Topics;
import kz.nobd.ingest.domain.CardVersion;
import kz.nobd.ingest.service.RegistryView;
import kz.nobd.ingest.service.SchoolClosureHandler;
import kz.nobd.support.ConsumerLoop;

/**
 * Keeps the registry view current from {@code registry.institutions.v1} (every version, from the beginning).
 * The service is ready only once this consumer has read up to the end offsets the topic had at start-up.
 */
@ApplicationScoped
public class RegistryViewConsumer {
    private static final Logger LOG = Logger.getLogger(RegistryViewConsumer.class);

    @Inject
    KafkaSettings kafka;
    @Inject
    RegistryView view;
    @Inject
    DataSource dataSource;
    @Inject
    ObjectMapper mapper;
    @Inject
    SchoolClosureHandler closures;

    private final Map<TopicPartition, Long> target = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> position = new ConcurrentHashMap<>();
    private volatile boolean started;
    private ConsumerLoop loop;

    void start(@Observes StartupEvent event) throws SQLException {
        view.load();
        loop = new ConsumerLoop("registry-view", kafka.consumer("ingest-registry-view", 2000),
                List.of(Topics.REGISTRY_INSTITUTIONS), this::apply).onStart(this::recordTarget);
        Thread thread = new Thread(loop, "registry-view-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.stop();
        }
    }

    /** The consumer loop (null before start-up). */
    public ConsumerLoop loop() {
        return loop;
    }

    /** True once every partition has been read up to where it ended when the service started. */
    public boolean caughtUp() {
        return started && target.entrySet().stream()
                .allMatch(e -> position.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }

    private void recordTarget(KafkaConsumer<String, byte[]> consumer) {
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.REGISTRY_INSTITUTIONS).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        target.putAll(consumer.endOffsets(partitions));
        Map<TopicPartition, OffsetAndMetadata> committed = consumer.committed(new java.util.HashSet<>(partitions));
        committed.forEach((tp, offset) -> position.put(tp, offset == null ? 0L : offset.offset()));
        started = true;
        LOG.infof("registry view: %d institutions known, catching up to %s", view.size(), target);
    }

    private void apply(List<ConsumerRecord<String, byte[]>> records) {
        List<CardVersion> cards = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                InstitutionCard card = mapper.readValue(record.value(), InstitutionCard.class);
                String problem = CardVersion.problemWith(card);
                if (problem != null) {
                    // a card the registry could never have written: skipped, so it cannot block the partition
                    LOG.errorf("registry card at %s-%d@%d skipped: %s", record.topic(), record.partition(),
                            record.offset(), problem);
                    continue;
                }
                cards.add(CardVersion.of(card));
            } catch (IOException e) {
                LOG.errorf("registry card at %s-%d@%d is unreadable, skipped: %s", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
            }
        }
        List<CardVersion> fresh = QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection()) {
                List<CardVersion> stored = view.store(connection, cards);
                for (CardVersion card : stored) {
                    if (card.status() != InstitutionStatus.OPEN) {
                        closures.schoolClosed(connection, card);
                    }
                }
                return stored;
            }
        });
        fresh.forEach(view::remember);
        records.forEach(r -> position.merge(new TopicPartition(r.topic(), r.partition()), r.offset() + 1, Math::max));
    }
}
