package kz.nobd.ingest.api;

import static kz.nobd.testing.Problems.assertProblem;
import static kz.nobd.testing.Tokens.MINISTRY;
import static kz.nobd.testing.Tokens.OBLAST_AKMOLA;
import static kz.nobd.testing.Tokens.OBLAST_ALMATY;
import static kz.nobd.testing.Tokens.REPORT_CONSUMER;
import static kz.nobd.testing.Tokens.SCHOOL_AKMOLA;
import static kz.nobd.testing.Tokens.SCHOOL_AKMOLA_BIN;
import static kz.nobd.testing.Tokens.SCHOOL_ALMATY;
import static kz.nobd.testing.Tokens.SCHOOL_ALMATY_BIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import kz.nobd.contracts.InstitutionCard;
import kz.nobd.contracts.Topics;
import kz.nobd.testing.Dates;
import kz.nobd.testing.Callers;
import kz.nobd.ingest.testing.Events;
import kz.nobd.testing.Ids;
import kz.nobd.ingest.testing.RegistryCards;
import kz.nobd.ingest.testing.Submissions;
import kz.nobd.ingest.testing.TopicTail;

/**
 * Who may call what on ingest (docs/architecture.md, "Security model"): 401 without a valid token; 403 for a role that
 * never does the action; 404 for a batch of someone else; lists filtered server-side to the caller's jurisdiction.
 * School X = school.akmola (Akmola oblast), school Y = school.almaty (Almaty oblast).
 */
@QuarkusTest
class IngestAuthorizationTest {
    private static final String X = SCHOOL_AKMOLA_BIN;
    private static final String Y = SCHOOL_ALMATY_BIN;
    /** Per school: the batch it submitted, its rejected event, the student it enrolled and the enrolment event. */
    private static Fixture x;
    private static Fixture y;

    private record Fixture(String batchId, String rejectedId, String studentIin, String enrolmentId) {
    }

    @BeforeEach
    void fixture() {
        if (x != null) {
            return;
        }
        RegistryCards.ensureDemoSchools();
        x = submitAs(SCHOOL_AKMOLA, X);
        y = submitAs(SCHOOL_ALMATY, Y);
        // each school's student is enrolled by the other school as well: a conflict for each school
        Submissions.submitAndAwait(MINISTRY, List.of(Events.enrolled(x.studentIin(), Y, 5, "2025-10-01"),
                Events.enrolled(y.studentIin(), X, 3, "2025-10-01")));
    }

    private static Fixture submitAs(String school, String bin) {
        String student = Ids.girl();
        Map<String, Object> enrolled = Events.enrolled(student, bin, bin.equals(X) ? 5 : 3, "2025-09-01");
        Map<String, Object> neverEnrolled = Events.promoted(Ids.boy(), bin, 6, "2025-09-02");
        String batchId = Submissions.submit(school, List.of(enrolled, neverEnrolled));
        Submissions.awaitDecided(school, batchId);
        return new Fixture(batchId, Events.id(neverEnrolled), student, Events.id(enrolled));
    }

    static Stream<Arguments> everyEndpointWithoutAValidToken() {
        return Stream.of(Callers.NO_TOKEN, Callers.GARBAGE_TOKEN).flatMap(caller -> Stream.of(
                arguments(caller, "POST", "/api/v1/enrolment-events"), arguments(caller, "POST", "/api/v1/equipment-reports"),
                arguments(caller, "GET", "/api/v1/batches/" + Ids.eventId()), arguments(caller, "GET", "/api/v1/rejections"),
                arguments(caller, "GET", "/api/v1/conflicts")));
    }

    @ParameterizedTest(name = "{0}: {1} {2} -> 401")
    @MethodSource("everyEndpointWithoutAValidToken")
    void everyEndpointRefusesACallerWithoutAValidToken(String caller, String method, String path) {
        Object body = path.endsWith("equipment-reports") ? EquipmentReportTest.report(X, "2026-10-01")
                : List.of(Events.enrolled(Ids.boy(), X, 1, "2025-09-01"));
        var request = Callers.json(caller);
        Response response = method.equals("POST") ? request.body(body).post(path) : request.get(path);
        assertProblem(response, 401).body("detail", containsString("bearer token"));
    }

    @Test
    void oblastsAndTheReportConsumerMayNotSubmitReadBatchesOrTheReportConsumerReadPersonLevelLists() {
        try (TopicTail input = TopicTail.fromNow(Topics.INGEST_ENROLMENT)) {
            for (String caller : List.of(OBLAST_AKMOLA, OBLAST_ALMATY, REPORT_CONSUMER)) {
                Map<String, Object> event = Events.enrolled(Ids.boy(), X, 1, "2025-09-01");
                assertForbiddenRole(Submissions.postEvents(caller, List.of(event)));
                assertForbiddenRole(Submissions.postReport(caller, EquipmentReportTest.report(X, "2026-10-01")));
                assertForbiddenRole(Submissions.batch(caller, x.batchId()));
            }
            assertForbiddenRole(Callers.as(REPORT_CONSUMER).get("/api/v1/rejections"));
            assertForbiddenRole(Callers.as(REPORT_CONSUMER).get("/api/v1/conflicts?schoolBin=" + X));
            assertNothingPublished(input, List.of());
        }
    }

    @Test
    void aSchoolSubmittingForAnotherSchoolsBinIsRefusedForTheWholeBatchAndNothingIsPublished() {
        Map<String, Object> own = Events.enrolled(Ids.boy(), X, 2, "2025-09-01");
        Map<String, Object> foreign = Events.enrolled(Ids.girl(), Y, 2, "2025-09-01");
        try (TopicTail input = TopicTail.fromNow(Topics.INGEST_ENROLMENT)) {
            assertProblem(Submissions.postEvents(SCHOOL_AKMOLA, List.of(own, foreign)), 403)
                    .body("detail", containsString(Ids.masked(Y))).body("detail", containsString("nothing was accepted"));
            assertProblem(Submissions.postReport(SCHOOL_AKMOLA, EquipmentReportTest.report(Y, "2026-10-01")), 403)
                    .body("detail", containsString(Ids.masked(Y)));
            assertNothingPublished(input, List.of(Events.id(own), Events.id(foreign)));
        }
        List<String> rejected = Callers.as(MINISTRY).get("/api/v1/rejections?schoolBin=" + Y).then().statusCode(200)
                .extract().jsonPath().getList("items.eventId");
        assertThat(rejected).doesNotContain(Events.id(own), Events.id(foreign));
    }

    @Test
    void aBatchIsShownToItsSubmitterAndTheMinistryAndIsNotFoundForAnotherSchool() {
        JsonPath own = Submissions.batch(SCHOOL_AKMOLA, x.batchId()).then().statusCode(200).extract().jsonPath();
        assertThat(own.getString("batchId")).isEqualTo(x.batchId());
        assertThat(own.getString("kind")).isEqualTo("ENROLMENT");
        assertThat(List.of(own.getInt("received"), own.getInt("accepted"), own.getInt("rejected"), own.getInt("pending")))
                .containsExactly(2, 1, 1, 0);
        assertThat(own.getList("rejections.eventId")).containsExactly(x.rejectedId());
        assertThat(own.getList("rejections.index")).containsExactly(1);
        assertThat(own.getList("rejections.reason")).containsExactly("INVALID_TRANSITION");

        Submissions.batch(MINISTRY, x.batchId()).then().statusCode(200).body("batchId", equalTo(x.batchId()))
                .body("accepted", equalTo(1)).body("rejections[0].eventId", equalTo(x.rejectedId()));
        assertProblem(Submissions.batch(SCHOOL_ALMATY, x.batchId()), 404).body("detail", containsString(x.batchId()));
        assertProblem(Submissions.batch(SCHOOL_AKMOLA, y.batchId()), 404);
        assertProblem(Submissions.batch(SCHOOL_AKMOLA, Ids.eventId()), 404);
        assertProblem(Submissions.batch(MINISTRY, "not-a-batch-id"), 404);
    }

    @Test
    void rejectionsAreFilteredToTheCallersJurisdictionWhateverTheQuerySays() {
        assertThat(rejections(SCHOOL_AKMOLA, "")).contains(x.rejectedId()).doesNotContain(y.rejectedId());
        assertThat(rejections(SCHOOL_ALMATY, "")).contains(y.rejectedId()).doesNotContain(x.rejectedId());
        assertThat(rejections(SCHOOL_ALMATY, "schoolBin=" + X)).isEmpty();
        assertThat(rejections(OBLAST_AKMOLA, "")).contains(x.rejectedId()).doesNotContain(y.rejectedId());
        assertThat(rejections(OBLAST_ALMATY, "")).contains(y.rejectedId()).doesNotContain(x.rejectedId());
        assertThat(rejections(OBLAST_ALMATY, "schoolBin=" + X)).isEmpty();
        assertThat(rejections(MINISTRY, "since=" + Dates.today())).contains(x.rejectedId(), y.rejectedId());
        assertThat(rejections(MINISTRY, "schoolBin=" + X)).contains(x.rejectedId()).doesNotContain(y.rejectedId());
    }

    @Test
    void conflictsAreFilteredToTheCallersJurisdictionAndShowOnlyAMaskedIin() {
        Response own = Callers.as(SCHOOL_AKMOLA).get("/api/v1/conflicts");
        JsonPath conflicts = own.then().statusCode(200).extract().jsonPath();
        assertThat(conflicts.getList("items.schoolBin")).containsOnly(X);
        Map<String, Object> mine = conflicts.getMap("items.find { it.originalEventId == '" + x.enrolmentId() + "' }");
        assertThat(mine).containsEntry("grade", 5).containsEntry("otherSchoolBin", Y)
                .containsEntry("date", "2025-10-01").containsEntry("iin", Ids.masked(x.studentIin()));
        assertThat(own.asString()).doesNotContain(x.studentIin(), y.studentIin());

        assertThat(conflictIds(SCHOOL_ALMATY, "")).contains(y.enrolmentId()).doesNotContain(x.enrolmentId());
        assertThat(conflictIds(SCHOOL_ALMATY, "schoolBin=" + X)).isEmpty();
        assertThat(conflictIds(OBLAST_AKMOLA, "")).contains(x.enrolmentId()).doesNotContain(y.enrolmentId());
        assertThat(conflictIds(OBLAST_ALMATY, "")).contains(y.enrolmentId()).doesNotContain(x.enrolmentId());
        assertThat(conflictIds(OBLAST_ALMATY, "schoolBin=" + X)).isEmpty();
        assertThat(conflictIds(MINISTRY, "schoolBin=" + X)).contains(x.enrolmentId()).doesNotContain(y.enrolmentId());
        assertThat(conflictIds(MINISTRY, "schoolBin=" + Y)).contains(y.enrolmentId());
    }

    @Test
    void aSchoolMovedToAnotherOblastIsSeenByItsNewOblastOnly() {
        InstitutionCard card = RegistryCards.openSchool(RegistryCards.AKMOLA_VILLAGE);
        Map<String, Object> neverEnrolled = Events.promoted(Ids.boy(), card.bin(), 4, "2025-09-02");
        Submissions.submitAndAwait(MINISTRY, List.of(neverEnrolled));
        assertThat(rejections(OBLAST_AKMOLA, "")).contains(Events.id(neverEnrolled));

        RegistryCards.publish(RegistryCards.moved(card, RegistryCards.ALMATY_OBLAST_VILLAGE, LocalDate.of(2026, 1, 1)));
        assertThat(rejections(OBLAST_ALMATY, "")).contains(Events.id(neverEnrolled));
        assertThat(rejections(OBLAST_AKMOLA, "")).as("the old oblast no longer holds the school")
                .doesNotContain(Events.id(neverEnrolled));
    }

    private static List<String> rejections(String caller, String query) {
        return Callers.as(caller).get("/api/v1/rejections?size=500&" + query).then().statusCode(200)
                .extract().jsonPath().getList("items.eventId");
    }

    private static List<String> conflictIds(String caller, String query) {
        return Callers.as(caller).get("/api/v1/conflicts?size=500&" + query).then().statusCode(200)
                .extract().jsonPath().getList("items.originalEventId");
    }

    private static void assertForbiddenRole(Response response) {
        assertProblem(response, 403).body("title", equalTo("Forbidden"));
    }

    /** For two seconds, no record on the input topic carries any of {@code eventIds} (or, if empty, none at all). */
    private static void assertNothingPublished(TopicTail input, List<String> eventIds) {
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).pollInSameThread()
                .until(() -> input.poll().where(m -> eventIds.isEmpty() || eventIds.contains(m.text("eventId")))
                        .isEmpty());
    }
}
