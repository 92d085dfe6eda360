package kz.nobd.ingest.api;

import static kz.nobd.testing.Problems.assertInvalid;
import static kz.nobd.testing.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import kz.nobd.contracts.Topics;
import kz.nobd.testing.Dates;
import kz.nobd.testing.Callers;
import kz.nobd.ingest.testing.Events;
import kz.nobd.testing.Ids;
import kz.nobd.ingest.testing.RegistryCards;
import kz.nobd.ingest.testing.Submissions;
import kz.nobd.testing.Tokens;
import kz.nobd.ingest.testing.TopicTail;

/**
 * The syntax of an enrolment batch is checked as a whole (docs/architecture.md, "Enrolment event"): one bad item and
 * the batch is refused with 400, every bad item listed with its index, nothing published, and no raw IIN echoed.
 */
@QuarkusTest
class SubmissionBadInputTest {
    private static final String SCHOOL = Tokens.SCHOOL_AKMOLA;
    private static final String BIN = Tokens.SCHOOL_AKMOLA_BIN;
    private static final String DAY = "2025-10-01";

    @BeforeEach
    void demoSchools() {
        RegistryCards.ensureDemoSchools();
    }

    @Test
    void aBatchWithManyBadItemsIsRefusedWithEveryItemListedByIndexAndNothingIsPublished() {
        List<Map<String, Object>> batch = new ArrayList<>();
        Map<String, Object> valid = Events.enrolled(Ids.boy(), BIN, 1, DAY);
        batch.add(valid);                                                                        // [0] fine
        batch.add(with(Events.enrolled(Ids.withWrongCheckDigit(Ids.girl()), BIN, 1, DAY)));      // [1]
        batch.add(with(Events.enrolled(Ids.boy().substring(1), BIN, 1, DAY)));                   // [2] 11 digits
        batch.add(with(Events.enrolled(Ids.boy(), BIN, 13, DAY)));                               // [3]
        batch.add(with(Events.enrolled(Ids.boy(), BIN, 1, DAY), "grade", "five"));               // [4]
        batch.add(with(Events.enrolled(Ids.boy(), BIN, 1, DAY), "language", "FR"));              // [5]
        String future = Dates.today().plusDays(2).toString();
        batch.add(with(Events.enrolled(Ids.boy(), BIN, 1, future)));                             // [6]
        batch.add(with(Events.enrolled(Ids.boy(), BIN, 1, DAY), "schoolYear", "2024-2025"));     // [7]
        batch.add(with(Events.enrolled(Ids.boy(), BIN, 1, DAY), "schoolYear", "2025-2027"));     // [8]
        batch.add(with(Events.event("TRANSFERRED", Ids.boy(), BIN, 1, DAY)));                    // [9]
        batch.add(with(Events.event("WITHDRAWN", Ids.boy(), BIN, 1, DAY)));                      // [10]
        batch.add(with(Events.enrolled(Ids.boy(), BIN, 1, DAY), "eventId", Events.id(valid)));  // [11]
        batch.add(with(Events.enrolled(Ids.boy(), BIN, 1, DAY), "occurredOn", "2026-02-30"));    // [12]
        batch.add(with(Events.enrolled(Ids.boy(), Ids.withWrongCheckDigit(BIN), 1, DAY)));      // [13]
        batch.add(with(Events.enrolled(Ids.boy(), BIN, 1, DAY), "eventId", "42"));               // [14]
        batch.add(with(Events.enrolled(Ids.boy(), BIN, 1, DAY), "reason", "HEALTH"));            // [15]
        batch.add(with(Events.transferred(Ids.boy(), BIN, BIN, 1, DAY)));                         // [16]
        batch.add(with(Events.enrolled(Ids.boy(), BIN, 1, DAY), "type", "EXPELLED"));            // [17]

        try (TopicTail input = TopicTail.fromNow(Topics.INGEST_ENROLMENT)) {
            Response response = Submissions.postEvents(SCHOOL, batch);
            assertInvalid(response, "[1].studentIin", "INVALID_IIN", "wrong check digit");
            assertInvalid(response, "[2].studentIin", "exactly 12 digits", "leading zero");
            assertInvalid(response, "[3].grade", "INVALID_GRADE", "0..12, was 13");
            assertInvalid(response, "[4].grade", "INVALID_GRADE", "whole number 0..12, was 'five'");
            assertInvalid(response, "[5].language", "KK, RU, EN, UZ, UG, TJ", "'FR'");
            assertInvalid(response, "[6].occurredOn", "INVALID_DATE", "not be in the future");
            assertInvalid(response, "[7].occurredOn", "INVALID_DATE", "school year 2024-2025");
            assertInvalid(response, "[8].schoolYear", "INVALID_DATE", "consecutive years");
            assertInvalid(response, "[9].toSchoolBin", "toSchoolBin is required");
            assertInvalid(response, "[10].reason", "reason is required", "MOVED_ABROAD");
            assertInvalid(response, "[11].eventId", "appears twice");
            assertInvalid(response, "[12].occurredOn", "INVALID_DATE", "real date");
            assertInvalid(response, "[13].schoolBin", "check digit");
            assertInvalid(response, "[14].eventId", "must be a UUID");
            assertInvalid(response, "[15].reason", "only allowed on WITHDRAWN");
            assertInvalid(response, "[16].toSchoolBin", "must differ from schoolBin");
            assertInvalid(response, "[17].type", "ENROLLED, PROMOTED");
            assertThat(response.jsonPath().getList("errors.field", String.class)).as("only the bad items, each once")
                    .allMatch(f -> !f.startsWith("[0]")).hasSize(17);
            response.then().body("detail", containsString("nothing was accepted"));
            assertNoIinIn(response, batch);
            assertNothingPublished(input, batch);
        }
    }

    @Test
    void bodiesThatAreNotABatchOfOneTo5000EventsAreRefused() {
        assertInvalid(post("[{\"eventId\": \"" + Ids.eventId() + "\", \"type\": "), "body", "not well-formed JSON");
        assertInvalid(post("[]"), "body", "1..5000", "sent 0");
        assertInvalid(post(""), "body", "1..5000");
        assertInvalid(post("[null]"), "[0]", "must be a JSON object");
        assertProblem(post("{\"eventId\": \"" + Ids.eventId() + "\"}"), 400).body("detail", containsString("array"));

        List<Map<String, Object>> tooMany = new ArrayList<>();
        for (int i = 0; i < 5_001; i++) {
            tooMany.add(Events.enrolled(Ids.boy(), BIN, 1, DAY));
        }
        try (TopicTail input = TopicTail.fromNow(Topics.INGEST_ENROLMENT)) {
            assertInvalid(Submissions.postEvents(SCHOOL, tooMany), "body", "1..5000", "sent 5001");
            assertNothingPublished(input, tooMany.subList(0, 10));
        }
    }

    @Test
    void aFieldOfTheWrongJsonTypeOrAnUnknownFieldIsRefusedWithoutEchoingTheValue() {
        String iin = Ids.girl();
        Map<String, Object> typo = Events.enrolled(Ids.boy(), BIN, 1, DAY);
        typo.remove("studentIin");
        typo.put("studentIIN", iin);
        Response unknown = Submissions.postEvents(SCHOOL, List.of(Events.enrolled(Ids.boy(), BIN, 1, DAY), typo));
        assertInvalid(unknown, "[1].studentIIN", "unknown field");
        assertThat(unknown.asString()).doesNotContain(iin);

        Map<String, Object> listGrade = with(Events.enrolled(Ids.boy(), BIN, 1, DAY), "grade", List.of(iin));
        Response wrongType = Submissions.postEvents(SCHOOL, List.of(Events.enrolled(Ids.boy(), BIN, 1, DAY), listGrade));
        assertInvalid(wrongType, "[1].grade", "wrong JSON type");
        assertThat(wrongType.asString()).doesNotContain(iin);

        // an IIN typed without quotes, next to a letter, is no JSON token: the parser's complaint must not echo it
        String body = "[{\"eventId\": \"" + Ids.eventId() + "\", \"studentIin\": x" + iin + "}]";
        Response unparsable = post(body);
        assertInvalid(unparsable, "body", "not well-formed JSON");
        assertThat(unparsable.asString()).doesNotContain(iin);
    }

    @Test
    void aSchoolMayNotNameAStudentByPseudonymInsteadOfByIin() {
        Map<String, Object> byPseudonym = Events.enrolled(Ids.boy(), BIN, 1, DAY);
        byPseudonym.remove("studentIin");
        byPseudonym.putAll(Map.of("studentId", "A".repeat(43), "sex", "M", "birthYear", 2015));
        try (TopicTail input = TopicTail.fromNow(Topics.INGEST_ENROLMENT)) {
            Response response = Submissions.postEvents(SCHOOL, List.of(Events.enrolled(Ids.boy(), BIN, 1, DAY), byPseudonym));
            assertInvalid(response, "[1].studentId", "studentIin only");
            assertInvalid(response, "[1].studentIin", "studentIin is required");
            assertNothingPublished(input, List.of(byPseudonym));
        }
    }

    @Test
    void listFiltersThatAreNotABinOrADateAreRefused() {
        assertInvalid(Callers.as(Tokens.MINISTRY).get("/api/v1/rejections?schoolBin=12345"), "schoolBin", "12 digits");
        assertInvalid(Callers.as(Tokens.MINISTRY).get("/api/v1/rejections?since=yesterday"), "since", "YYYY-MM-DD");
        assertInvalid(Callers.as(Tokens.MINISTRY).get("/api/v1/conflicts?schoolBin=" + Ids.withWrongCheckDigit(BIN)),
                "schoolBin", "check digit");
    }

    private static Response post(String body) {
        return Callers.json(SCHOOL).body(body).post("/api/v1/enrolment-events");
    }

    /** {@code event} with {@code field} set to {@code value} (in pairs). */
    private static Map<String, Object> with(Map<String, Object> event, Object... fieldsAndValues) {
        Map<String, Object> changed = new HashMap<>(event);
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            changed.put((String) fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return changed;
    }

    /** No IIN of the batch appears in the body; the one with a wrong check digit is shown masked. */
    private static void assertNoIinIn(Response response, List<Map<String, Object>> batch) {
        String body = response.asString();
        for (Map<String, Object> event : batch) {
            assertThat(body).as("the 400 body echoes no IIN").doesNotContain((String) event.get("studentIin"));
        }
        assertInvalid(response, "[1].studentIin", Ids.masked((String) batch.get(1).get("studentIin")));
    }

    /** For two seconds, no record of the batch reaches the input topic. */
    private static void assertNothingPublished(TopicTail input, List<Map<String, Object>> batch) {
        List<String> ids = batch.stream().map(Events::id).toList();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).pollInSameThread()
                .until(() -> input.poll().where(m -> ids.contains(m.text("eventId"))).isEmpty());
    }
}
