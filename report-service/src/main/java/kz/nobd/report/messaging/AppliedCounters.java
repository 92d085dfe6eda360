package kz.nobd.report.messaging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import kz.nobd.contracts.Topics;

/**
 * What the consumers applied, per topic, counted after the batch's commit: {@code nobd_report_records_applied_total}
 * (facts and card versions stored; a version not newer than the one held is applied as a no-op) and
 * {@code nobd_report_records_skipped_total} (unreadable or impossible records, logged and skipped).
 */
@ApplicationScoped
public class AppliedCounters {
    private static final List<String> TOPICS = List.of(Topics.REGISTRY_INSTITUTIONS, Topics.FACTS_ENROLMENT,
            Topics.FACTS_EQUIPMENT, Topics.FACTS_SUBMISSIONS);

    @Inject
    MeterRegistry meters;

    /** Every series from the start at zero. */
    void registerAtZero(@Observes StartupEvent event) {
        for (String topic : TOPICS) {
            meters.counter("nobd_report_records_applied", "topic", topic);
            meters.counter("nobd_report_records_skipped", "topic", topic);
        }
    }

    /** A committed batch: {@code applied} holds how many records of each topic were stored, the others were skipped. */
    void committed(List<ConsumerRecord<String, byte[]>> records, Map<String, Integer> applied) {
        Map<String, Integer> received = new HashMap<>();
        records.forEach(r -> received.merge(r.topic(), 1, Integer::sum));
        received.forEach((topic, n) -> {
            int stored = applied.getOrDefault(topic, 0);
            meters.counter("nobd_report_records_applied", "topic", topic).increment(stored);
            if (n > stored) {
                meters.counter("nobd_report_records_skipped", "topic", topic).increment(n - stored);
            }
        });
    }
}
