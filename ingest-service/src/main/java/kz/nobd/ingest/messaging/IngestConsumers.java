package kz.nobd.ingest.messaging;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import kz.nobd.contracts.Topics;
import kz.nobd.ingest.config.IngestConfig;
import kz.nobd.ingest.pipeline.EnrolmentProcessor;
import kz.nobd.ingest.pipeline.EquipmentProcessor;
import kz.nobd.support.messaging.ConsumerLoop;

/** Starts the consumers of the input topics, one thread each, and stops them on shutdown. */
@ApplicationScoped
public class IngestConsumers {
    @Inject
    KafkaSettings kafka;
    @Inject
    EnrolmentProcessor enrolment;
    @Inject
    EquipmentProcessor equipment;
    @Inject
    IngestConfig config;

    private final List<ConsumerLoop> loops = new ArrayList<>();

    void start(@Observes StartupEvent event) {
        for (int i = 0; i < config.consumerThreads(); i++) {
            start(new ConsumerLoop("enrolment-" + i, kafka.consumer("ingest-enrolment", config.maxPollRecords()),
                    List.of(Topics.INGEST_ENROLMENT), enrolment::process));
        }
        start(new ConsumerLoop("equipment", kafka.consumer("ingest-equipment", config.maxPollRecords()),
                List.of(Topics.INGEST_EQUIPMENT), equipment::process));
    }

    private void start(ConsumerLoop loop) {
        loops.add(loop);
        Thread thread = new Thread(loop, "consumer-" + loops.size());
        thread.setDaemon(true);
        thread.start();
    }

    /** The input topics' consumer loops. */
    public List<ConsumerLoop> loops() {
        return List.copyOf(loops);
    }

    void stop(@Observes ShutdownEvent event) {
        loops.forEach(ConsumerLoop::stop);
    }
}
