package kz.nobd.report.api;

import static kz.nobd.testing.Tokens.MINISTRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import kz.nobd.contracts.Topics;
import kz.nobd.report.testing.FactProducer;
import kz.nobd.report.testing.Reports;
import kz.nobd.testing.Scrape;

/**
 * report-service's figures at /q/metrics (real HTTP) follow real traffic: records applied and skipped per topic,
 * report requests timed per endpoint and level, every consumer's lag per partition, the connection pool.
 */
@QuarkusTest
class ReportMetricsTest {
    private static final Duration SOON = Duration.ofSeconds(30);
    private static final String APPLIED = "nobd_report_records_applied_total";
    private static final String SKIPPED = "nobd_report_records_skipped_total";
    private static final String QUERIES = "nobd_report_query_seconds_count";
    private static final String ROLLUP = "/api/v1/rollups/enrolment";

    @Test
    void factsAndCardsAppliedAndSkippedAreCountedPerTopic() {
        Reports.awaitReady();
        Scrape before = Scrape.metrics();

        // a card and two spells, counted by a rollup when this returns
        FactProducer.schoolWithStudents("111000000", Reports.today());
        FactProducer.send(Topics.FACTS_ENROLMENT, "unreadable", "{{{");

        await().atMost(SOON).untilAsserted(() -> {
            Scrape after = Scrape.metrics();
            assertThat(grown(before, after, APPLIED, "topic", Topics.REGISTRY_INSTITUTIONS)).isGreaterThanOrEqualTo(1);
            assertThat(grown(before, after, APPLIED, "topic", Topics.FACTS_ENROLMENT)).isGreaterThanOrEqualTo(2);
            assertThat(grown(before, after, SKIPPED, "topic", Topics.FACTS_ENROLMENT)).isGreaterThanOrEqualTo(1);
        });
        assertThat(Scrape.metrics().series(APPLIED, "topic", Topics.FACTS_SUBMISSIONS))
                .as("every topic is a series from the start").hasSize(1);
    }

    @Test
    void reportRequestsAreTimedPerEndpointLevelAndStatus() {
        Reports.awaitReady();
        Scrape before = Scrape.metrics();

        Reports.get(MINISTRY, ROLLUP, Map.of("level", "OBLAST")).then().statusCode(200);
        Reports.get(MINISTRY, ROLLUP, Map.of()).then().statusCode(200);
        Reports.get(MINISTRY, ROLLUP, Map.of("level", "PLANET")).then().statusCode(400);
        Reports.get(MINISTRY, "/api/v1/indicators", Map.of("level", "district", "kato", "111000000"))
                .then().statusCode(200);

        Scrape after = Scrape.metrics();
        assertThat(grown(before, after, QUERIES, "endpoint", ROLLUP, "level", "OBLAST", "status", "200")).isEqualTo(1);
        assertThat(grown(before, after, QUERIES, "endpoint", ROLLUP, "level", "NATIONAL", "status", "200"))
                .as("no level parameter is NATIONAL").isEqualTo(1);
        assertThat(grown(before, after, QUERIES, "endpoint", ROLLUP, "level", "invalid", "status", "400")).isEqualTo(1);
        assertThat(grown(before, after, QUERIES, "endpoint", "/api/v1/indicators", "level", "DISTRICT", "status", "200"))
                .isEqualTo(1);
        assertThat(after.series("nobd_report_query_seconds_bucket", "endpoint", ROLLUP, "level", "OBLAST", "status", "200",
                "le", "0.05"))
                .as("buckets for percentiles").hasSize(1);
        assertThat(after.sum("nobd_report_query_seconds_sum", "endpoint", ROLLUP, "level", "OBLAST", "status", "200")).isPositive();
    }

    @Test
    void everyConsumerShowsItsLagPerPartitionAndThePoolIsMeasured() {
        Reports.awaitReady();

        await().atMost(SOON).untilAsserted(() -> {
            Scrape metrics = Scrape.metrics();
            assertThat(metrics.series("nobd_consumer_lag_records", "group", "report-registry")).hasSize(3)
                    .allSatisfy(s -> assertThat(s.value()).isNotNaN().isGreaterThanOrEqualTo(0));
            for (String topic : new String[] {Topics.FACTS_ENROLMENT, Topics.FACTS_EQUIPMENT, Topics.FACTS_SUBMISSIONS}) {
                assertThat(metrics.series("nobd_consumer_lag_records", "group", "report-facts", "topic", topic))
                        .as("lag of report-facts on %s", topic).hasSize(3)
                        .allSatisfy(s -> assertThat(s.value()).isNotNaN().isGreaterThanOrEqualTo(0));
            }
        });
        Scrape metrics = Scrape.metrics();
        assertThat(metrics.series("agroal_active_count", "datasource", "default")).hasSize(1);
        assertThat(metrics.series("agroal_max_used_count", "datasource", "default")).singleElement()
                .satisfies(s -> assertThat(s.value()).isPositive());
    }

    private static double grown(Scrape before, Scrape after, String name, String... tags) {
        return after.sum(name, tags) - before.sum(name, tags);
    }
}
