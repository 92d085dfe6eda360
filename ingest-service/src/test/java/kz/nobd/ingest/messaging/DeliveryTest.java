package kz.nobd.ingest.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kz.nobd.contracts.Topics;
import kz.nobd.ingest.pipeline.EnrolmentProcessor;
import kz.nobd.ingest.store.StudentTimelines;
import kz.nobd.ingest.testing.Events;
import kz.nobd.testing.Ids;
import kz.nobd.ingest.testing.IngestDb;
import kz.nobd.ingest.testing.OutsideProducer;
import kz.nobd.ingest.testing.RegistryCards;
import kz.nobd.ingest.testing.Submissions;
import kz.nobd.testing.Tokens;
import kz.nobd.ingest.testing.TopicTail;

/**
 * Effectively-once on top of at-least-once (docs/architecture.md, "Kafka topics"): records delivered again change
 * nothing; a record the code cannot process is rejected without blocking its neighbours; a lost database
 * connection makes the consumer retry the batch, and in the end every event counts exactly once.
 */
@QuarkusTest
class DeliveryTest {
    private static final Duration QUIET = Duration.ofSeconds(3);

    @Inject
    EnrolmentProcessor processor;

    @Test
    void recordsDeliveredAgainChangeNothing() {
        String school = RegistryCards.openSchool(RegistryCards.AKMOLA_VILLAGE).bin();
        String lateStarter = Ids.boy();
        Map<String, Object> promotedTooEarly = Events.promoted(lateStarter, school, 4, "2025-10-01");
        List<Map<String, Object>> batch = List.of(Events.enrolled(Ids.girl(), school, 1, "2025-09-01"),
                Events.enrolled(Ids.boy(), school, 2, "2025-09-01"), promotedTooEarly);
        String first = Submissions.submit(Tokens.MINISTRY, batch);
        assertThat(Submissions.awaitDecided(Tokens.MINISTRY, first).getList("rejections.reason"))
                .containsExactly("INVALID_TRANSITION");
        // the enrolment that was missing arrives later: the promotion rejected before would now be allowed
        Map<String, Object> enrolledLate = Events.enrolled(lateStarter, school, 3, "2025-09-01");
        String second = Submissions.submit(Tokens.MINISTRY, List.of(enrolledLate));
        Submissions.awaitDecided(Tokens.MINISTRY, second);
        List<String> ids = new ArrayList<>(batch.stream().map(Events::id).toList());
        ids.add(Events.id(enrolledLate));
        RecordMetadata notJson;
        try (OutsideProducer outside = new OutsideProducer()) {
            Map<String, Object> fromOutside = Events.enrolled(Ids.girl(), school, 5, "2025-09-01");
            Map<String, Object> badGrade = Events.enrolled(Ids.girl(), school, 13, "2025-09-01");
            outside.sendJson(Topics.INGEST_ENROLMENT, "outside-1", fromOutside);
            outside.sendJson(Topics.INGEST_ENROLMENT, "outside-2", badGrade);
            notJson = outside.send(Topics.INGEST_ENROLMENT, "outside-3", "{{{");
            ids.addAll(List.of(Events.id(fromOutside), Events.id(badGrade)));
            await().atMost(Submissions.DECIDED).until(() -> counts(school, ids).equals(List.of(4L, 4L, 2L, 5L, 4L))
                    && IngestDb.count("select count(*) from event_outcome where topic = ? and partition_no = ?"
                    + " and record_offset = ?", Topics.INGEST_ENROLMENT, notJson.partition(), notJson.offset()) == 1
                    // and every fact and rejection of the first pass has left the outbox, so the tails below
                    // can only see what the replay would add
                    && IngestDb.count("select count(*) from outbox_message") == 0);
        }
        List<Long> before = counts(school, ids);
        String firstBefore = Submissions.batch(Tokens.MINISTRY, first).asString();
        String secondBefore = Submissions.batch(Tokens.MINISTRY, second).asString();

        List<ConsumerRecord<String, byte[]>> again;
        try (TopicTail input = TopicTail.fromStart(Topics.INGEST_ENROLMENT)) {
            again = input.drainRaw().stream().filter(r -> ids.stream().anyMatch(id -> text(r).contains(id))
                    || text(r).equals("{{{")).toList();
        }
        assertThat(again).hasSizeGreaterThanOrEqualTo(ids.size() + 1);
        List<String> sources = again.stream().filter(r -> text(r).equals("{{{"))
                .map(r -> r.topic() + "-" + r.partition() + "@" + r.offset()).toList();
        assertThat(sources).contains(OutsideProducer.source(notJson));
        try (TopicTail facts = TopicTail.fromNow(Topics.FACTS_ENROLMENT);
             TopicTail rejected = TopicTail.fromNow(Topics.INGEST_REJECTED)) {
            processor.process(again);
            again.forEach(r -> processor.process(List.of(r))); // and once more, one by one

            assertThat(counts(school, ids)).as("spells, students, rejections, outcomes, accepted events")
                    .isEqualTo(before);
            assertThat(Submissions.batch(Tokens.MINISTRY, first).asString()).isEqualTo(firstBefore);
            assertThat(Submissions.batch(Tokens.MINISTRY, second).asString()).isEqualTo(secondBefore);
            await().during(QUIET).atMost(QUIET.plusSeconds(3)).pollInSameThread().until(() ->
                    facts.poll().where("schoolBin", school).isEmpty() && rejected.poll().all().stream()
                            .noneMatch(m -> ids.contains(m.key()) || sources.contains(m.key())));
        }
    }

    @Test
    void aPoisonRecordIsRejectedAndItsNeighboursLand() {
        String school = RegistryCards.openSchool(RegistryCards.AKMOLA_VILLAGE).bin();
        List<Map<String, Object>> batch = fiveEnrolments(school);
        FaultyTimelines faulty = FaultyTimelines.poisonedBy(Events.id(batch.get(2)));
        QuarkusMock.installMockForType(faulty, StudentTimelines.class);

        JsonPath decided = Submissions.submitAndAwait(Tokens.MINISTRY, batch);
        assertThat(decided.getInt("accepted")).isEqualTo(4);
        assertThat(decided.getInt("rejected")).isEqualTo(1);
        assertThat(decided.getList("rejections.index")).containsExactly(2);
        assertThat(decided.getList("rejections.reason")).containsExactly("MALFORMED");
        assertThat(decided.getString("rejections[0].detail")).contains("could not be processed");
        assertThat(faulty.poisonAttempts.get()).as("tried in the batch, then alone").isGreaterThanOrEqualTo(2);
        for (int i = 0; i < batch.size(); i++) {
            String iin = (String) batch.get(i).get("studentIin");
            assertThat(IngestDb.spells(iin)).as("spells of event %d", i).hasSize(i == 2 ? 0 : 1);
        }
        assertThat(IngestDb.count("select count(*) from student where student_id = ?",
                IngestDb.studentId((String) batch.get(2).get("studentIin")))).as("nothing half-applied").isZero();
    }

    @Test
    void aDatabaseConnectionLostMidBatchMakesTheConsumerRetryAndEveryEventCountsOnce() {
        String school = RegistryCards.openSchool(RegistryCards.AKMOLA_VILLAGE).bin();
        List<Map<String, Object>> batch = fiveEnrolments(school);
        // twice: were the loss taken for a fault of the record, the second one would reject it as MALFORMED
        FaultyTimelines faulty = FaultyTimelines.losingTheConnectionAt(Events.id(batch.get(3)), 2);
        QuarkusMock.installMockForType(faulty, StudentTimelines.class);

        try (TopicTail facts = TopicTail.fromNow(Topics.FACTS_ENROLMENT)) {
            JsonPath decided = Submissions.submitAndAwait(Tokens.MINISTRY, batch);
            assertThat(faulty.connectionLosses.get()).isEqualTo(2);
            assertThat(decided.getInt("accepted")).isEqualTo(5);
            assertThat(decided.getInt("rejected")).isZero();
            assertThat(decided.getList("rejections")).isEmpty();
            for (Map<String, Object> event : batch) {
                assertThat(IngestDb.spells((String) event.get("studentIin"))).hasSize(1);
            }
            await().during(QUIET).atMost(Duration.ofSeconds(30)).pollInSameThread()
                    .until(() -> facts.poll().where("schoolBin", school).size() == 5);
            assertThat(facts.where("schoolBin", school)).extracting(m -> m.text("change")).containsOnly("OPENED");
            assertThat(facts.where("schoolBin", school)).extracting(m -> m.text("grade"))
                    .containsExactlyInAnyOrder("1", "2", "3", "4", "5");
        }
    }

    private static List<Map<String, Object>> fiveEnrolments(String school) {
        List<Map<String, Object>> batch = new ArrayList<>();
        for (int grade = 1; grade <= 5; grade++) {
            batch.add(Events.enrolled(grade % 2 == 0 ? Ids.boy() : Ids.girl(), school, grade, "2025-09-01"));
        }
        return batch;
    }

    /** Spells at the school, its students, rejections and outcomes of the events, accepted events among them. */
    private static List<Long> counts(String school, List<String> ids) {
        String idList = "('" + String.join("','", ids) + "')";
        String spellsThere = " from student, json_array_elements(spells) as s where s ->> 'schoolBin' = ?";
        return List.of(IngestDb.count("select count(*)" + spellsThere, school),
                IngestDb.count("select count(distinct student_id)" + spellsThere, school),
                IngestDb.count("select count(*) from event_outcome where outcome = 'REJECTED' and event_id::text in " + idList),
                IngestDb.count("select count(*) from event_outcome where event_id::text in " + idList),
                IngestDb.count("select count(*) from accepted_event where event_id::text in " + idList));
    }

    private static String text(ConsumerRecord<String, byte[]> record) {
        return record.value() == null ? "" : new String(record.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
