package kz.nobd.ingest.messaging;

import static kz.nobd.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import kz.nobd.contracts.Topics;
import kz.nobd.ingest.testing.Events;
import kz.nobd.ingest.testing.IngestDb;
import kz.nobd.ingest.testing.RegistryCards;
import kz.nobd.ingest.testing.Submissions;
import kz.nobd.ingest.testing.TopicTail;
import kz.nobd.support.messaging.KafkaClients;
import kz.nobd.testing.Ids;
import kz.nobd.testing.Tokens;

/**
 * Kafka unreachable while a school submits: the REST layer answers 503 problem+json with Retry-After, keeps no
 * batch and publishes nothing. The publisher here is the real one with real Kafka clients, pointed at a port
 * where no broker listens (the shared test broker must stay up for the other tests).
 */
@QuarkusTest
class KafkaUnreachableTest {
    private static final Duration QUIET = Duration.ofSeconds(3);

    @Test
    void aBatchIsRefusedWith503AndNothingIsKeptOrPublished() throws IOException {
        QuarkusMock.installMockForType(publisherWithoutBroker(), TransactionalPublisher.class);
        String school = RegistryCards.openSchool(RegistryCards.AKMOLA_VILLAGE).bin();
        List<Map<String, Object>> batch = List.of(Events.enrolled(Ids.boy(), school, 1, "2025-09-01"),
                Events.enrolled(Ids.girl(), school, 2, "2025-09-01"));
        long batchesBefore = IngestDb.count("select count(*) from submission_batch");

        try (TopicTail input = TopicTail.fromNow(Topics.INGEST_ENROLMENT)) {
            Response response = Submissions.postEvents(Tokens.MINISTRY, batch);
            assertProblem(response, 503).header("Retry-After", notNullValue())
                    .body("detail", containsString("nothing was published"));

            assertThat(IngestDb.count("select count(*) from submission_batch")).isEqualTo(batchesBefore);
            List<String> ids = batch.stream().map(Events::id).toList();
            await().during(QUIET).atMost(QUIET.plusSeconds(3)).pollInSameThread()
                    .until(() -> input.poll().where(m -> ids.contains(m.text("eventId"))).isEmpty());
        }
    }

    /** The real publisher whose producers are configured for a local port nobody listens on. */
    private static TransactionalPublisher publisherWithoutBroker() throws IOException {
        int deadPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        KafkaSettings settings = new KafkaSettings();
        settings.clients = new KafkaClients(Map.of("bootstrap.servers", "127.0.0.1:" + deadPort));
        TransactionalPublisher publisher = new TransactionalPublisher();
        publisher.kafka = settings;
        return publisher;
    }
}
