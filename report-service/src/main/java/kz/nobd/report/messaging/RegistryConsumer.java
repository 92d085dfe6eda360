package kz.nobd.report.messaging;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jboss.logging.Logger;


import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import kz.nobd.contracts.InstitutionCard;
import kz.nobd.contracts.events.TopicCodec;
import kz.nobd.contracts.Topics;
import kz.nobd.report.config.ReportConfig;
import kz.nobd.report.domain.SchoolVersion;
import kz.nobd.report.service.SchoolDirectory;
import kz.nobd.support.messaging.CatchUp;
import kz.nobd.support.messaging.KafkaClients;
import kz.nobd.support.messaging.ConsumerLoop;

/**
 * Keeps every version of every institution card from {@code registry.institutions.v1}; a card whose version is
 * not newer than the one held is ignored. Reads every partition (no consumer group, so every replica sees every
 * card); one transaction per polled batch, holding the cards and the next offsets ({@link TopicOffsets}).
 */
@ApplicationScoped
public class RegistryConsumer {
    private static final Logger LOG = Logger.getLogger(RegistryConsumer.class);
    private static final List<String> TOPICS = List.of(Topics.REGISTRY_INSTITUTIONS);

    @Inject
    KafkaClients kafka;
    @Inject
    SchoolDirectory directory;
    @Inject
    DataSource dataSource;
    @Inject
    kz.nobd.report.service.ResultCache cache;
    @Inject
    TopicOffsets offsets;
    @Inject
    ReportConfig config;
    @Inject
    AppliedCounters counters;

    private final CatchUp catchUp = new CatchUp();
    private ConsumerLoop loop;

    void start(@Observes StartupEvent event) {
        Map<TopicPartition, Long> stored = Transactions.run(dataSource, c -> {
            directory.load(c);
            return offsets.load(c, TOPICS);
        });
        loop = new ConsumerLoop("report-registry", kafka.assignedConsumer("report-registry-" + config.replica(), 2000),
                TOPICS, this::apply).assigned(partitions -> stored).onStart(consumer -> {
                    catchUp.recordTarget(consumer);
                    LOG.infof("registry: %d institutions known (%d ms after the JVM started), from %s, "
                            + "catching up to %s", directory.size(), CatchUp.uptime(), stored, catchUp.target());
                }).startThread();
    }

    void stop(@Observes ShutdownEvent event) {
        if (loop != null) {
            loop.stop();
        }
    }

    public CatchUp catchUp() {
        return catchUp;
    }

    /** The consumer loop (null before start-up). */
    public ConsumerLoop loop() {
        return loop;
    }

    private void apply(List<ConsumerRecord<String, byte[]>> records) {
        List<SchoolVersion> cards = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                InstitutionCard card = TopicCodec.REGISTRY_INSTITUTIONS.decode(record.value());
                SchoolVersion version = SchoolVersion.of(card);
                if (version == null) {
                    // a card the registry could never have written: skipped, so it cannot block the partition
                    LOG.errorf("registry card at %s-%d@%d skipped: %s", record.topic(), record.partition(),
                            record.offset(), SchoolVersion.problemWith(card));
                    continue;
                }
                cards.add(version);
            } catch (UncheckedIOException e) {
                LOG.errorf("registry card at %s-%d@%d is unreadable, skipped: %s", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
            }
        }
        List<SchoolVersion> fresh = Transactions.run(dataSource, c -> {
            List<SchoolVersion> stored = directory.store(c, cards);
            offsets.store(c, records);
            return stored;
        });
        directory.remember(fresh);
        if (!fresh.isEmpty()) {
            cache.changed();
        }
        if (catchUp.advance(records)) {
            LOG.infof("registry: caught up %d ms after the JVM started", CatchUp.uptime());
        }
        counters.committed(records, java.util.Map.of(Topics.REGISTRY_INSTITUTIONS, cards.size()));
    }
}
