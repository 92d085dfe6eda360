package kz.nobd.registry.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.quarkus.arc.ClientProxy;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import kz.nobd.registry.config.RegistryConfig;
import kz.nobd.registry.domain.OutboxMessage;
import kz.nobd.registry.testing.Institutions;
import kz.nobd.registry.testing.Json;
import kz.nobd.registry.testing.RegistryTopic;
import kz.nobd.support.messaging.KafkaClients;
import kz.nobd.testing.Tokens;

/**
 * The relay publishes every committed version to {@code registry.institutions.v1} (key = BIN) in commit order per
 * key, and loses nothing when publishing fails or the relay dies after Kafka acknowledged a batch.
 */
@QuarkusTest
class InstitutionOutboxRelayTest {
    private static final Duration PUBLISHED = Duration.ofSeconds(30);
    private static final String VILLAGE = Institutions.AKMOLA_VILLAGE;

    @Inject
    OutboxPublisher publisher;
    @Inject
    InstitutionOutboxRelay relay;
    @Inject
    EntityManager em;
    @Inject
    KafkaClients clients;
    @Inject
    RegistryConfig config;

    @Test
    void createReplaceAndClosurePublishVersionsOneToThreeWithTheirCards() {
        try (RegistryTopic topic = RegistryTopic.fromNow()) {
            String bin = Institutions.createSchool(VILLAGE);
            Map<String, Object> body = Institutions.body(bin, VILLAGE);
            body.put("capacity", 750);
            body.put("effectiveFrom", "2020-01-15");
            Institutions.replace(Tokens.MINISTRY, bin, 1, body).then().statusCode(200);
            Institutions.close(Tokens.OBLAST_AKMOLA, bin, "2023-05-31", "no pupils left").then().statusCode(200);

            await().atMost(PUBLISHED).pollInSameThread()
                    .untilAsserted(() -> assertThat(topic.poll().versions(bin)).hasSizeGreaterThanOrEqualTo(3));
            assertThat(topic.versions(bin)).containsExactly(1L, 2L, 3L);
            List<JsonNode> cards = topic.cards(bin);
            assertCard(cards.get(0), bin, "OPEN", 600, "2001-09-01", null);
            assertCard(cards.get(1), bin, "OPEN", 750, "2020-01-15", null);
            assertCard(cards.get(2), bin, "CLOSED", 750, "2023-05-31", "2023-05-31");
            assertThat(cards.get(2).get("closureReason").asText()).isEqualTo("no pupils left");
            // the value on the topic is exactly the card the history holds for that version
            String history = Institutions.history(Tokens.MINISTRY, bin).then().statusCode(200).extract().asString();
            List<JsonNode> historyCards = Json.tree(history).findValues("card");
            assertThat(historyCards).containsExactly(cards.get(2), cards.get(1), cards.get(0));
        }
    }

    @Test
    void concurrentChangesOfSeveralInstitutionsArriveInCommitOrderPerKey() throws Exception {
        int institutions = 4;
        int edits = 5;
        try (RegistryTopic topic = RegistryTopic.fromNow()) {
            List<String> bins = new ArrayList<>();
            for (int i = 0; i < institutions; i++) {
                bins.add(Institutions.createSchool(VILLAGE));
            }
            ExecutorService pool = Executors.newFixedThreadPool(institutions);
            try {
                List<Future<?>> editors = new ArrayList<>();
                for (String bin : bins) {
                    editors.add(pool.submit(() -> editCapacity(bin, edits)));
                }
                for (Future<?> editor : editors) {
                    editor.get();
                }
            } finally {
                pool.shutdownNow();
            }

            await().atMost(PUBLISHED).pollInSameThread().untilAsserted(() -> {
                topic.poll();
                bins.forEach(bin -> assertThat(topic.versions(bin)).hasSizeGreaterThanOrEqualTo(edits + 1));
            });
            for (String bin : bins) {
                assertThat(topic.versions(bin)).as("versions of %s in offset order", bin)
                        .containsExactlyElementsOf(oneTo(edits + 1));
                List<JsonNode> cards = topic.cards(bin);
                for (int version = 2; version <= edits + 1; version++) {
                    assertThat(cards.get(version - 1).get("capacity").asInt()).isEqualTo(capacityOf(version));
                }
            }
        }
    }

    @Test
    void aRelayThatCannotPublishOrDiesAfterPublishingLosesNothing() {
        // the real bean instance behind the client proxy, taken before any mock is installed
        OutboxPublisher kafka = ClientProxy.unwrap(publisher);
        assertThat(kafka).isInstanceOf(KafkaOutboxPublisher.class);
        // QuarkusMock: in place for this test only; the test extension removes it after the test, failed or not
        try (FaultyOutboxPublisher faulty = new FaultyOutboxPublisher(clients, config, kafka);
                RegistryTopic topic = RegistryTopic.fromNow()) {
            QuarkusMock.installMockForType(faulty, OutboxPublisher.class);
            // (i) Kafka unreachable: the changes commit, the relay tries, nothing leaves the outbox
            List<String> bins = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                bins.add(Institutions.createSchool(VILLAGE));
            }
            for (String bin : bins) {
                Map<String, Object> body = Institutions.body(bin, VILLAGE);
                body.put("capacity", capacityOf(2));
                body.put("effectiveFrom", "2020-01-15");
                Institutions.replace(Tokens.MINISTRY, bin, 1, body).then().statusCode(200);
            }
            for (String bin : bins) {
                Institutions.close(Tokens.MINISTRY, bin, "2024-06-30", "test closure").then().statusCode(200);
            }
            List<OutboxMessage> waiting = outboxRowsOf(bins);
            assertThat(waiting).hasSize(9);
            for (String bin : bins) {
                assertThat(waiting.stream().filter(m -> m.messageKey.equals(bin)).map(m -> Json.tree(m.payload)
                        .get("version").asLong())).as("outbox rows of %s in id order", bin).containsExactly(1L, 2L, 3L);
            }
            Set<Long> ids = Set.copyOf(waiting.stream().map(m -> m.id).toList());
            await().atMost(PUBLISHED).until(() -> faulty.offered.containsAll(ids));
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).pollInSameThread()
                    .untilAsserted(() -> assertThat(topic.poll().countFor(bins)).isZero());
            assertThat(outboxRowsOf(bins)).hasSize(9);

            // (ii) the relay dies after Kafka acknowledged, before the rows are deleted: published, still pending
            faulty.dieAfterPublishing();
            await().atMost(PUBLISHED).until(() -> faulty.deaths.get() >= 2);
            await().atMost(PUBLISHED).pollInSameThread()
                    .untilAsserted(() -> assertThat(topic.poll().countFor(bins)).isGreaterThanOrEqualTo(2 * 9));
            assertThat(outboxRowsOf(bins)).as("rows of batches whose delete rolled back").hasSize(9);

            // the real publisher again: the outbox drains, every version is on the topic, in order per key
            QuarkusMock.installMockForType(kafka, OutboxPublisher.class);
            await().atMost(PUBLISHED).until(() -> relay.pending() == 0);
            assertThat(outboxRowsOf(bins)).isEmpty();
            // two deaths and the final run each published all nine rows
            await().atMost(PUBLISHED).pollInSameThread()
                    .untilAsserted(() -> assertThat(topic.poll().countFor(bins)).isGreaterThanOrEqualTo(3 * 9));
            for (String bin : bins) {
                assertThat(topic.distinctVersions(bin)).as("distinct versions of %s", bin).containsExactly(1L, 2L, 3L);
                assertThat(topic.appliedVersions(bin)).as("versions a consumer applies for %s", bin)
                        .containsExactly(1L, 2L, 3L);
                List<Long> all = topic.versions(bin);
                assertThat(all).as("every re-publication of %s is whole and in order", bin)
                        .isEqualTo(Collections.nCopies(all.size() / 3, List.of(1L, 2L, 3L)).stream()
                                .flatMap(List::stream).toList());
                JsonNode last = topic.cards(bin).get(topic.cards(bin).size() - 1);
                assertCard(last, bin, "CLOSED", capacityOf(2), "2024-06-30", "2024-06-30");
            }
        }
    }

    /** The outbox rows of {@code bins} still waiting, in id (= commit) order. */
    private List<OutboxMessage> outboxRowsOf(List<String> bins) {
        return QuarkusTransaction.requiringNew().call(() -> em.createQuery(
                "select m from OutboxMessage m where m.messageKey in :bins order by m.id", OutboxMessage.class)
                .setParameter("bins", bins).getResultList());
    }

    private static void editCapacity(String bin, int edits) {
        Map<String, Object> body = Institutions.body(bin, VILLAGE);
        for (int version = 2; version <= edits + 1; version++) {
            body.put("capacity", capacityOf(version));
            Institutions.replace(Tokens.MINISTRY, bin, version - 1, body).then().statusCode(200);
        }
    }

    private static int capacityOf(int version) {
        return 600 + version * 10;
    }

    private static List<Long> oneTo(int n) {
        return LongStream.rangeClosed(1, n).boxed().toList();
    }

    private static void assertCard(JsonNode card, String bin, String status, int capacity, String validFrom,
            String closedOn) {
        assertThat(card.get("bin").asText()).isEqualTo(bin);
        assertThat(card.get("status").asText()).isEqualTo(status);
        assertThat(card.get("capacity").asInt()).isEqualTo(capacity);
        assertThat(card.get("validFrom").asText()).isEqualTo(validFrom);
        assertThat(card.get("closedOn").isNull() ? null : card.get("closedOn").asText()).isEqualTo(closedOn);
        assertThat(card.get("oblastKato").asText()).isEqualTo("110000000");
        assertThat(card.get("districtKato").asText()).isEqualTo("111000000");
        assertThat(card.get("locality").asText()).isEqualTo("RURAL");
        assertThat(card.get("openedOn").asText()).isEqualTo("2001-09-01");
    }
}
