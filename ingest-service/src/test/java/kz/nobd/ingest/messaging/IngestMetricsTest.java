package kz.nobd.ingest.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import kz.nobd.contracts.Topics;
import kz.nobd.ingest.testing.Events;
import kz.nobd.ingest.testing.RegistryCards;
import kz.nobd.ingest.testing.Submissions;
import kz.nobd.testing.Ids;
import kz.nobd.testing.Scrape;
import kz.nobd.testing.Tokens;

/**
 * ingest-service's figures at /q/metrics (real HTTP) follow real traffic: decisions counted by kind and reason,
 * the outbox relay's published messages and backlog, every consumer's lag per partition, the connection pool.
 */
@QuarkusTest
class IngestMetricsTest {
    private static final Duration SOON = Duration.ofSeconds(30);
    private static final String ACCEPTED = "nobd_ingest_accepted_total";
    private static final String REJECTED = "nobd_ingest_rejected_total";
    private static final String LAG = "nobd_consumer_lag_records";

    @Test
    void acceptedDuplicateAndRejectedEventsAreCountedOnceDecided() {
        String school = RegistryCards.openSchool(RegistryCards.AKMOLA_VILLAGE).bin();
        Scrape before = Scrape.metrics();
        Map<String, Object> enrolled = Events.enrolled(Ids.girl(), school, 1, "2025-09-01");
        Map<String, Object> neverEnrolled = Events.promoted(Ids.boy(), school, 4, "2025-10-01");

        Submissions.submitAndAwait(Tokens.MINISTRY, List.of(enrolled, neverEnrolled));
        Submissions.submitAndAwait(Tokens.MINISTRY, List.of(Events.copy(enrolled))); // same id and content

        await().atMost(SOON).untilAsserted(() -> {
            Scrape after = Scrape.metrics();
            assertThat(grown(before, after, ACCEPTED, "kind", "enrolment", "duplicate", "false")).isGreaterThanOrEqualTo(1);
            assertThat(grown(before, after, ACCEPTED, "kind", "enrolment", "duplicate", "true")).isGreaterThanOrEqualTo(1);
            assertThat(grown(before, after, REJECTED, "kind", "enrolment", "reason", "INVALID_TRANSITION"))
                    .isGreaterThanOrEqualTo(1);
            // the spell fact, the rejection and the submission notice left through the outbox
            assertThat(grown(before, after, "nobd_outbox_published_total")).isGreaterThanOrEqualTo(3);
        });
        Scrape after = Scrape.metrics();
        assertThat(after.series(REJECTED, "kind", "equipment", "reason", "SCHOOL_NOT_OPEN"))
                .as("every reason is a series from the start").hasSize(1);
        assertThat(after.series("nobd_outbox_waiting_rows")).singleElement()
                .satisfies(s -> assertThat(s.value()).isNotNaN().isGreaterThanOrEqualTo(0));
    }

    @Test
    void everyConsumerShowsItsLagPerPartitionAndCatchesUp() {
        String school = RegistryCards.openSchool(RegistryCards.AKMOLA_VILLAGE).bin();
        Submissions.submitAndAwait(Tokens.MINISTRY, List.of(Events.enrolled(Ids.boy(), school, 2, "2025-09-01")));

        await().atMost(SOON).untilAsserted(() -> {
            Scrape metrics = Scrape.metrics();
            assertLag(metrics, "ingest-enrolment", Topics.INGEST_ENROLMENT);
            assertLag(metrics, "ingest-equipment", Topics.INGEST_EQUIPMENT);
            assertLag(metrics, "ingest-registry-view", Topics.REGISTRY_INSTITUTIONS);
            assertThat(metrics.sum(LAG, "group", "ingest-enrolment")).as("everything submitted is read").isZero();
        });
    }

    @Test
    void theConnectionPoolIsMeasured() {
        Scrape metrics = Scrape.metrics();
        assertThat(metrics.series("agroal_active_count", "datasource", "default")).hasSize(1);
        assertThat(metrics.series("agroal_max_used_count", "datasource", "default")).singleElement()
                .satisfies(s -> assertThat(s.value()).isPositive());
    }

    /** One gauge per partition of the topic (three on the test stack), each a number of records. */
    private static void assertLag(Scrape metrics, String group, String topic) {
        assertThat(metrics.series(LAG, "group", group, "topic", topic)).as("lag of %s on %s", group, topic)
                .hasSize(3).allSatisfy(s -> assertThat(s.value()).isNotNaN().isGreaterThanOrEqualTo(0));
    }

    private static double grown(Scrape before, Scrape after, String name, String... tags) {
        return after.sum(name, tags) - before.sum(name, tags);
    }
}
