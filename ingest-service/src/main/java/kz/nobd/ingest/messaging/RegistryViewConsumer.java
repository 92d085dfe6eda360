package kz.nobd.ingest.messaging;

import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.jboss.logging.Logger;


import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import kz.nobd.contracts.InstitutionCard;
import kz.nobd.contracts.events.TopicCodec;
import kz.nobd.contracts.InstitutionStatus;
import kz.nobd.contracts.Topics;
import kz.nobd.ingest.domain.CardVersion;
import kz.nobd.ingest.store.RegistryView;
import kz.nobd.ingest.pipeline.SchoolClosureHandler;
import kz.nobd.support.messaging.CatchUp;
import kz.nobd.support.messaging.ConsumerLoop;

/**
 * Keeps the registry view current from {@code registry.institutions.v1} (every version, from the beginning).
 * The service is ready only once this consumer has read up to the end offsets the topic had at start-up.
 * <p>
 * Every instance keeps the whole view in memory, so each reads every partition itself (assign mode, no consumer
 * group) from the beginning at each start: the view loaded from the table covers what earlier runs stored, and the
 * cards read again are skipped in memory. Of several instances storing the same card, the one whose insert took it
 * reacts to a closure ({@link RegistryView#store}); every instance remembers it.
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
    SchoolClosureHandler closures;

    private final CatchUp catchUp = new CatchUp();
    private ConsumerLoop loop;

    void start(@Observes StartupEvent event) throws SQLException {
        view.load();
        loop = new ConsumerLoop("ingest-registry-view", kafka.consumer(null, 2000), List.of(Topics.REGISTRY_INSTITUTIONS),
                this::apply).assigned(partitions -> Map.of()).onStart(this::recordTarget);
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
        boolean done = view.caughtUp() || catchUp.caughtUp();
        if (done) {
            view.markCaughtUp();
        }
        return done;
    }

    private void recordTarget(KafkaConsumer<String, byte[]> consumer) {
        catchUp.recordTarget(consumer);
        caughtUp(); // an empty topic
        LOG.infof("registry view: %d institutions known, catching up to %s", view.size(), catchUp.target());
    }

    private void apply(List<ConsumerRecord<String, byte[]>> records) {
        List<CardVersion> cards = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                InstitutionCard card = TopicCodec.REGISTRY_INSTITUTIONS.decode(record.value());
                String problem = CardVersion.problemWith(card);
                if (problem != null) {
                    // a card the registry could never have written: skipped, so it cannot block the partition
                    LOG.errorf("registry card at %s-%d@%d skipped: %s", record.topic(), record.partition(),
                            record.offset(), problem);
                    continue;
                }
                cards.add(CardVersion.of(card));
            } catch (UncheckedIOException e) {
                LOG.errorf("registry card at %s-%d@%d is unreadable, skipped: %s", record.topic(), record.partition(),
                        record.offset(), e.getMessage());
            }
        }
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = dataSource.getConnection()) {
                for (CardVersion card : view.store(connection, cards)) {
                    if (card.status() != InstitutionStatus.OPEN) {
                        closures.schoolClosed(connection, card);
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("registry view not stored: " + e.getMessage(), e);
            }
        });
        cards.forEach(view::remember);
        catchUp.advance(records);
        caughtUp();
    }
}
