package kz.nobd.registry.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.arc.ClientProxy;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import kz.nobd.registry.config.RegistryConfig;
import kz.nobd.registry.testing.Institutions;
import kz.nobd.support.messaging.KafkaClients;
import kz.nobd.testing.Scrape;

/**
 * registry-service's figures at /q/metrics (real HTTP) follow real traffic: the outbox backlog grows while Kafka
 * cannot be reached and drains when it can, the published counter grows, the connection pool is measured.
 */
@QuarkusTest
class RegistryMetricsTest {
    private static final Duration SOON = Duration.ofSeconds(30);

    @Inject
    OutboxPublisher publisher;
    @Inject
    KafkaClients clients;
    @Inject
    RegistryConfig config;

    @Test
    void theOutboxBacklogGrowsWhileKafkaIsUnreachableAndDrainsAfterwards() {
        OutboxPublisher kafka = ClientProxy.unwrap(publisher);
        double publishedBefore = Scrape.metrics().sum("nobd_outbox_published_total");
        try (FaultyOutboxPublisher unreachable = new FaultyOutboxPublisher(clients, config, kafka)) {
            QuarkusMock.installMockForType(unreachable, OutboxPublisher.class);
            Institutions.createSchool(Institutions.AKMOLA_VILLAGE);
            Institutions.createSchool(Institutions.AKMOLA_VILLAGE);

            await().atMost(SOON).until(() -> Scrape.metrics().sum("nobd_outbox_waiting_messages") >= 2);
            assertThat(Scrape.metrics().sum("nobd_outbox_published_total")).isEqualTo(publishedBefore);

            QuarkusMock.installMockForType(kafka, OutboxPublisher.class);
            await().atMost(SOON).until(() -> Scrape.metrics().sum("nobd_outbox_waiting_messages") == 0);
            assertThat(Scrape.metrics().sum("nobd_outbox_published_total")).isGreaterThanOrEqualTo(publishedBefore + 2);
        }
    }

    @Test
    void theConnectionPoolIsMeasured() {
        Institutions.createSchool(Institutions.AKMOLA_VILLAGE);

        Scrape metrics = Scrape.metrics();
        assertThat(metrics.series("agroal_max_used_count", "datasource", "default")).singleElement()
                .satisfies(s -> assertThat(s.value()).as("connections ever in use at once").isPositive());
        assertThat(metrics.series("agroal_available_count", "datasource", "default")).hasSize(1);
        assertThat(metrics.series("agroal_awaiting_count", "datasource", "default")).hasSize(1);
    }
}
