package kz.nobd.ingest.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kz.nobd.contracts.InstitutionCard;
import kz.nobd.contracts.InstitutionType;
import kz.nobd.contracts.Topics;
import kz.nobd.testing.Dates;
import kz.nobd.testing.Callers;
import kz.nobd.ingest.testing.Events;
import kz.nobd.testing.Ids;
import kz.nobd.ingest.testing.IngestDb;
import kz.nobd.ingest.testing.OutsideProducer;
import kz.nobd.ingest.testing.RegistryCards;
import kz.nobd.testing.Tokens;
import kz.nobd.ingest.testing.TopicTail;
import kz.nobd.ingest.testing.TopicTail.Message;

/**
 * Records an outside system produces straight to the input topics, with whatever keys it likes: each bad one is
 * rejected with its reason, on {@code ingest.rejected.v1} (key: event id, or the record's coordinates when it has
 * none) and in GET /rejections, with any IIN masked; a repeated event is counted once, not rejected.
 */
@QuarkusTest
class KafkaBadInputTest {
    private static final Duration DECIDED = Duration.ofSeconds(60);
    private static final String DAY = "2025-10-01";

    /** What a record must become: its rejection's key on the topic, event id (may be null), reason and detail. */
    private record Expected(String key, String eventId, String reason, String detail) {
    }

    @Test
    void recordsThatFailTheSyntaxCheckAreRejectedWithTheirReason() {
        String bin = RegistryCards.openSchool(RegistryCards.AKMOLA_VILLAGE).bin();
        List<Expected> expected = new ArrayList<>();
        String badIin = Ids.withWrongCheckDigit(Ids.girl());
        try (OutsideProducer outside = new OutsideProducer(); TopicTail rejected = TopicTail.fromNow(Topics.INGEST_REJECTED)) {
            String enrolment = Topics.INGEST_ENROLMENT;
            expected.add(noId(outside.send(enrolment, "k1", "this is {not JSON"), "MALFORMED", "not well-formed JSON"));
            expected.add(noId(outside.send(enrolment, "k2", "[1, 2, 3]"), "MALFORMED", "must be a JSON object"));
            expected.add(noId(outside.send(enrolment, "k3", new byte[65 * 1024]), "MALFORMED", "at most 65536"));
            Map<String, Object> noType = Events.enrolled(Ids.boy(), bin, 1, DAY);
            noType.remove("type");
            expected.add(sent(outside, enrolment, noType, "MALFORMED", "type is required"));
            expected.add(sent(outside, enrolment, Events.enrolled(badIin, bin, 1, DAY), "INVALID_IIN", "wrong check digit"));
            expected.add(sent(outside, enrolment, Events.enrolled(Ids.boy(), bin, 14, DAY), "INVALID_GRADE", "0..12, was 14"));
            Map<String, Object> badDate = Events.enrolled(Ids.boy(), bin, 1, DAY);
            badDate.put("occurredOn", "2026-02-30");
            expected.add(sent(outside, enrolment, badDate, "INVALID_DATE", "real date"));
            String equipment = Topics.INGEST_EQUIPMENT;
            expected.add(noId(outside.send(equipment, bin, "<report/>"), "MALFORMED", "not well-formed JSON"));
            Map<String, Object> tooMany = report(bin, "2026-10-01", 10, 11);
            expected.add(sent(outside, equipment, tooMany, "MALFORMED", "must not exceed total 10"));
            Map<String, Object> future = report(bin, Dates.today().plusDays(3).toString(), 10, 5);
            expected.add(sent(outside, equipment, future, "INVALID_DATE", "must not be in the future"));

            Map<String, Message> onTopic = awaitRejections(rejected, expected);
            assertThat(onTopic.get(expected.get(4).key()).json().at("/event/studentIin").asText())
                    .isEqualTo(Ids.masked(badIin));
            assertThat(onTopic.get(expected.get(8).key()).text("kind")).isEqualTo("EQUIPMENT");
            JsonPath api = rejectionsOf(bin);
            assertInApi(api, expected.subList(3, 7));
            assertInApi(api, expected.subList(8, 10));
            assertThat(api.getString("items.find { it.reason == 'INVALID_IIN' }.event.studentIin"))
                    .isEqualTo(Ids.masked(badIin));
            assertThat(api.prettify()).doesNotContain(badIin);
            JsonPath recent = Callers.as(Tokens.MINISTRY).get("/api/v1/rejections?size=500&since=" + Dates.today().minusDays(1))
                    .then().statusCode(200).extract().jsonPath();
            for (Expected anonymous : expected.subList(0, 3)) {
                assertThat(recent.getList("items.findAll { it.eventId == null && it.reason == 'MALFORMED' }.detail",
                        String.class)).anyMatch(d -> d.contains(anonymous.detail()));
            }
        }
    }

    /**
     * PostgreSQL holds no U+0000 in text or jsonb: a record carrying one (in a value or in a field name) is rejected
     * MALFORMED naming the field, stored and published with the character replaced, and the events after it are
     * decided as usual (the consumer does not stall on it).
     */
    @Test
    void aNulCharacterIsRejectedWithItsReasonAndDoesNotStopTheConsumer() {
        String bin = RegistryCards.openSchool(RegistryCards.AKMOLA_VILLAGE).bin();
        Map<String, Object> inValue = Events.enrolled(Ids.boy(), bin, 1, DAY);
        inValue.put("language", "KK\u0000");
        Map<String, Object> inName = Events.enrolled(Ids.girl(), bin, 1, DAY);
        inName.put("note\u0000", "x");
        Map<String, Object> report = new java.util.HashMap<>(report(bin, "2026-10-01", 10, 5));
        report.put("internet", Map.of("connected", true, "downloadMbps", 10, "technology", "DSL\u0000"));
        String next = Ids.boy();
        try (OutsideProducer outside = new OutsideProducer(); TopicTail rejected = TopicTail.fromNow(Topics.INGEST_REJECTED)) {
            List<Expected> expected = List.of(
                    sent(outside, Topics.INGEST_ENROLMENT, inValue, "MALFORMED", "field 'language' contains the NUL"),
                    sent(outside, Topics.INGEST_ENROLMENT, inName, "MALFORMED", "contains the NUL character"),
                    sent(outside, Topics.INGEST_EQUIPMENT, report, "MALFORMED", "field 'internet.technology'"));
            outside.sendJson(Topics.INGEST_ENROLMENT, next, Events.enrolled(next, bin, 1, DAY));

            Map<String, Message> onTopic = awaitRejections(rejected, expected);
            await().atMost(DECIDED).until(() -> IngestDb.spells(next).size() == 1);
            assertThat(onTopic.get(expected.get(0).key()).json().at("/event/language").asText()).isEqualTo("KK\uFFFD");
            assertInApi(rejectionsOf(bin), expected);
        }
    }

    @Test
    void recordsThatTheRegistryOrTheTimelineRefuseAreRejectedWithTheirReason() {
        String open = RegistryCards.openSchool(RegistryCards.AKMOLA_VILLAGE).bin();
        String lateOpener = RegistryCards.publish(RegistryCards.card(Ids.bin(), RegistryCards.AKMOLA_VILLAGE,
                InstitutionType.SCHOOL, LocalDate.of(2026, 1, 10))).bin();
        InstitutionCard closedCard = RegistryCards.openSchool(RegistryCards.AKMOLA_VILLAGE);
        RegistryCards.publish(RegistryCards.closed(closedCard, LocalDate.of(2025, 6, 30), null));
        String college = RegistryCards.publish(RegistryCards.card(Ids.bin(), RegistryCards.AKMOLA_VILLAGE,
                InstitutionType.COLLEGE, RegistryCards.LONG_AGO)).bin();
        String nobody = Ids.bin();
        List<Expected> expected = new ArrayList<>();
        try (OutsideProducer outside = new OutsideProducer(); TopicTail rejected = TopicTail.fromNow(Topics.INGEST_REJECTED)) {
            String topic = Topics.INGEST_ENROLMENT;
            expected.add(sent(outside, topic, Events.enrolled(Ids.boy(), nobody, 1, DAY), "UNKNOWN_SCHOOL",
                    "no institution with BIN " + nobody));
            expected.add(sent(outside, topic, Events.enrolled(Ids.boy(), lateOpener, 1, DAY), "SCHOOL_NOT_OPEN",
                    "was not open on " + DAY));
            expected.add(sent(outside, topic, Events.enrolled(Ids.boy(), closedCard.bin(), 1, DAY), "SCHOOL_NOT_OPEN",
                    "was CLOSED on " + DAY));
            expected.add(sent(outside, topic, Events.enrolled(Ids.boy(), college, 1, DAY), "WRONG_INSTITUTION_TYPE",
                    "is a COLLEGE"));
            expected.add(sent(outside, topic, Events.promoted(Ids.boy(), open, 2, DAY), "INVALID_TRANSITION",
                    "not enrolled anywhere"));

            await().atMost(Duration.ofSeconds(8)).until(() -> IngestDb.count(
                    "select count(*) from parked_record where school_bin = ?", nobody) == 1);
            awaitRejections(rejected, expected);
            assertThat(IngestDb.count("select count(*) from parked_record where school_bin = ?", nobody)).isZero();
            assertInApi(rejectionsOf(nobody), expected.subList(0, 1));
            assertInApi(rejectionsOf(lateOpener), expected.subList(1, 2));
            assertInApi(rejectionsOf(closedCard.bin()), expected.subList(2, 3));
            assertInApi(rejectionsOf(college), expected.subList(3, 4));
            assertInApi(rejectionsOf(open), expected.subList(4, 5));
        }
    }

    @Test
    void anIdenticalRepeatIsCountedOnceAndAChangedEventUnderAnAcceptedIdIsRejected() {
        String bin = RegistryCards.openSchool(RegistryCards.AKMOLA_VILLAGE).bin();
        String iin = Ids.girl();
        Map<String, Object> event = Events.enrolled(iin, bin, 3, DAY);
        try (OutsideProducer outside = new OutsideProducer(); TopicTail rejected = TopicTail.fromNow(Topics.INGEST_REJECTED);
             TopicTail facts = TopicTail.fromNow(Topics.FACTS_ENROLMENT)) {
            outside.sendJson(Topics.INGEST_ENROLMENT, iin, event);
            await().atMost(DECIDED).until(() -> IngestDb.spells(iin).size() == 1);
            outside.sendJson(Topics.INGEST_ENROLMENT, iin, event);
            Map<String, Object> changed = Events.copy(event);
            changed.put("grade", 4);
            Expected reused = sent(outside, Topics.INGEST_ENROLMENT, changed, "EVENT_ID_REUSED", "different content");

            awaitRejections(rejected, List.of(reused));
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).pollInSameThread()
                    .until(() -> facts.poll().where("schoolBin", bin).size() == 1);
            assertThat(rejected.where(m -> Events.id(event).equals(m.key()))).as("the repeat is not a rejection")
                    .hasSize(1);
            assertThat(facts.where("schoolBin", bin).get(0).text("change")).isEqualTo("OPENED");
            assertThat(IngestDb.spells(iin)).containsExactly(bin + " 3 KK " + DAY + "..");
            assertInApi(rejectionsOf(bin), List.of(reused));
        }
    }

    private static Expected sent(OutsideProducer outside, String topic, Map<String, Object> value, String reason,
            String detail) {
        String id = (String) value.getOrDefault("eventId", value.get("reportId"));
        outside.sendJson(topic, "outside-" + Instant.now().toEpochMilli(), value);
        return new Expected(id, id, reason, detail);
    }

    private static Expected noId(RecordMetadata metadata, String reason, String detail) {
        return new Expected(OutsideProducer.source(metadata), null, reason, detail);
    }

    /** Waits for one rejection per expected key on the topic and checks each; returns them by key. */
    private static Map<String, Message> awaitRejections(TopicTail rejected, List<Expected> expected) {
        List<String> keys = expected.stream().map(Expected::key).toList();
        await().atMost(DECIDED).pollInSameThread().until(() -> rejected.poll().where(m -> keys.contains(m.key()))
                .stream().map(Message::key).distinct().count() == keys.size());
        Map<String, Message> byKey = new java.util.HashMap<>();
        for (Expected e : expected) {
            List<Message> messages = rejected.where(m -> e.key().equals(m.key()));
            assertThat(messages).as("rejections of %s", e.key()).hasSize(1);
            Message m = messages.get(0);
            assertThat(m.text("reason")).as("reason of %s", e.key()).isEqualTo(e.reason());
            assertThat(m.text("detail")).as("detail of %s", e.key()).contains(e.detail());
            assertThat(m.text("eventId")).isEqualTo(e.eventId());
            assertThat(m.text("batchId")).as("no REST batch").isNull();
            byKey.put(e.key(), m);
        }
        return byKey;
    }

    private static JsonPath rejectionsOf(String bin) {
        return Callers.as(Tokens.MINISTRY).get("/api/v1/rejections?schoolBin=" + bin).then().statusCode(200)
                .extract().jsonPath();
    }

    private static void assertInApi(JsonPath api, List<Expected> expected) {
        for (Expected e : expected) {
            Map<String, Object> item = api.getMap("items.find { it.eventId == '" + e.eventId() + "' }");
            assertThat(item).as("GET /rejections item for %s", e.eventId()).isNotNull()
                    .containsEntry("reason", e.reason());
            assertThat((String) item.get("detail")).contains(e.detail());
        }
    }

    private static Map<String, Object> report(String bin, String asOf, int total, int forTeaching) {
        return Map.of("reportId", Ids.eventId(), "schoolBin", bin, "asOf", asOf,
                "devices", List.of(Map.of("kind", "LAPTOP", "total", total, "forTeaching", forTeaching,
                        "needsReplacement", 0)),
                "internet", Map.of("connected", true, "downloadMbps", 10, "technology", "DSL"));
    }
}
