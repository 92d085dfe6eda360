package kz.nobd.report.signoff;

import static kz.nobd.testing.Problems.assertInvalid;
import static kz.nobd.testing.Problems.assertProblem;
import static kz.nobd.testing.Tokens.MINISTRY;
import static kz.nobd.testing.Tokens.OBLAST_AKMOLA;
import static kz.nobd.testing.Tokens.SCHOOL_AKMOLA;
import static kz.nobd.testing.Tokens.SCHOOL_AKMOLA_BIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import kz.nobd.report.testing.Cards;
import kz.nobd.report.testing.FactProducer;
import kz.nobd.report.testing.Reports;
import kz.nobd.testing.Callers;
import kz.nobd.testing.Ids;
import kz.nobd.testing.signing.SigningCa;

/**
 * The sign-off workflow end to end over HTTP with real tokens and real signatures of the test CA: a period opened,
 * a school's return signed, returned, signed again, sent back to DRAFT by a late event, signed, accepted, the period
 * locked (a late event then changes the live figures, not the confirmed ones, nor the return), reopened; every
 * change in the history with who and why; refusals change nothing.
 */
@QuarkusTest
class SignoffWorkflowTest {
    static final String X = SCHOOL_AKMOLA_BIN;
    static final String DISTRICT = "111000000";
    static final LocalDate CENSUS = Reports.today().minusDays(20);

    private static boolean published;

    @BeforeEach
    void schoolWithStudents() {
        if (published) {
            return;
        }
        published = true;
        Reports.awaitReady();
        FactProducer.publishCard(Cards.school(X, DISTRICT));
        FactProducer.spell(FactProducer.Spell.open(X, 3, "F", "KK", CENSUS.minusDays(30)), "OPENED");
        await().atMost(Duration.ofSeconds(30)).until(() -> students(X, "live") > 0);
    }

    @Test
    void signReturnResignDataChangeAcceptLockReopen() {
        String period = SignoffCalls.open(CENSUS, CENSUS.plusDays(10), CENSUS.plusDays(15));
        JsonPath opened = get(MINISTRY, "/api/v1/periods/" + period).then().statusCode(200).extract().jsonPath();
        assertThat(opened.getString("status")).isEqualTo("OPEN");
        assertThat(opened.getList("history.status")).containsExactly("OPEN");
        assertThat(get(OBLAST_AKMOLA, "/api/v1/periods").jsonPath().getList("periods.id")).contains(period);

        JsonPath draft = returnOf(SCHOOL_AKMOLA, period);
        assertThat(draft.getString("status")).isEqualTo("DRAFT");
        assertThat(draft.getString("digest")).isEqualTo(SignoffCalls.sha256(draft.getString("content")));
        // a live answer may be up to the cache's age old (another test just added a student)
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(students(X, "live"))
                .isEqualTo(draft.getLong("figures.students")));
        assertThat(draft.getList("history")).isEmpty();

        JsonPath signed = sign(period, draft).then().statusCode(200).extract().jsonPath();
        assertThat(signed.getString("status")).isEqualTo("SIGNED");
        assertThat(signed.getString("signed.signature.digest")).isEqualTo(draft.getString("digest"));
        assertThat(signed.getString("signed.signature.algorithm")).containsIgnoringCase("RSA");
        assertThat(signed.getString("history[0].to")).isEqualTo("SIGNED");
        assertThat(signed.getString("history[0].actor")).isEqualTo(SCHOOL_AKMOLA);

        // the oblast returns it with a comment (none: 400, nothing changed)
        assertInvalid(decide(OBLAST_AKMOLA, period, "RETURN", null, X), "comment");
        assertThat(returnOf(MINISTRY, period).getString("status")).isEqualTo("SIGNED");
        JsonPath returned = decide(OBLAST_AKMOLA, period, "RETURN", "grade 3 is missing a class", X).then()
                .statusCode(200).extract().jsonPath();
        assertThat(returned.getList("returns.status")).containsExactly("RETURNED");
        JsonPath afterReturn = returnOf(SCHOOL_AKMOLA, period);
        assertThat(afterReturn.getString("history[1].reason")).isEqualTo("grade 3 is missing a class");
        assertThat(afterReturn.getString("history[1].actorRole")).isEqualTo("oblast");

        // signed again as it is; a late event for the census date then sends it back to DRAFT
        sign(period, afterReturn).then().statusCode(200).body("status", equalTo("SIGNED"));
        long before = afterReturn.getLong("figures.students");
        FactProducer.spell(FactProducer.Spell.open(X, 4, "M", "RU", CENSUS.minusDays(5)), "OPENED");
        await().atMost(Duration.ofSeconds(30)).until(() -> returnOf(MINISTRY, period).getString("status")
                .equals("DRAFT"));
        JsonPath reverted = returnOf(SCHOOL_AKMOLA, period);
        assertThat(reverted.getLong("figures.students")).isEqualTo(before + 1);
        assertThat(reverted.getList("signatures")).hasSize(2); // both signatures stay on record
        assertThat(reverted.getString("signed")).isNull();
        Map<String, Object> last = reverted.getMap("history[-1]");
        assertThat(last).containsEntry("from", "SIGNED").containsEntry("to", "DRAFT")
                .containsEntry("actor", "nobd").containsEntry("actorRole", "system")
                .containsEntry("reason", Returns.DATA_CHANGED);
        assertThat(last.get("digest")).isEqualTo(afterReturn.getString("digest"));

        // signing the old content now: 409 CONTENT_CHANGED, nothing changed
        assertProblem(sign(period, afterReturn), 409).body("reason", equalTo("CONTENT_CHANGED"));
        sign(period, reverted).then().statusCode(200).body("status", equalTo("SIGNED"));
        decide(OBLAST_AKMOLA, period, "ACCEPT", null, X).then().statusCode(200)
                .body("returns[0].status", equalTo("ACCEPTED"));
        assertProblem(decide(OBLAST_AKMOLA, period, "ACCEPT", null, X), 409)
                .body("reason", equalTo("INVALID_TRANSITION")).body("errors.field", contains("bins[0]"))
                .body("errors[0].message", containsString("the return is ACCEPTED"));

        // confirmed = the signed figures of the accepted return
        long confirmed = students(X, "confirmed", period);
        assertThat(confirmed).isEqualTo(before + 1);

        // the ministry locks it: the return is LOCKED, nothing changes any more
        Callers.as(MINISTRY).post("/api/v1/periods/" + period + "/lock").then().statusCode(200)
                .body("status", equalTo("LOCKED"));
        assertThat(returnOf(SCHOOL_AKMOLA, period).getString("status")).isEqualTo("LOCKED");
        assertProblem(sign(period, returnOf(SCHOOL_AKMOLA, period)), 409).body("reason", equalTo("PERIOD_LOCKED"));
        assertProblem(decide(OBLAST_AKMOLA, period, "RETURN", "too late", X), 409)
                .body("reason", equalTo("PERIOD_LOCKED"));
        assertProblem(Callers.as(MINISTRY).post("/api/v1/periods/" + period + "/lock"), 409)
                .body("reason", equalTo("PERIOD_LOCKED"));

        // a late event: live changes, confirmed and the locked return do not
        FactProducer.spell(FactProducer.Spell.open(X, 5, "F", "KK", CENSUS.minusDays(3)), "OPENED");
        await().atMost(Duration.ofSeconds(30)).until(() -> students(X, "live") == before + 2);
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(returnOf(MINISTRY, period).getString("status")).isEqualTo("LOCKED");
            assertThat(students(X, "confirmed", period)).isEqualTo(confirmed);
        });

        // reopened with a reason (none: 400): LOCKED returns are ACCEPTED again
        assertInvalid(Callers.json(MINISTRY).body(Map.of()).post("/api/v1/periods/" + period + "/reopen"), "reason");
        JsonPath reopened = Callers.json(MINISTRY).body(Map.of("reason", "a court decision on school 5"))
                .post("/api/v1/periods/" + period + "/reopen").then().statusCode(200).extract().jsonPath();
        assertThat(reopened.getString("status")).isEqualTo("OPEN");
        assertThat(reopened.getList("history.status")).containsExactly("OPEN", "LOCKED", "OPEN");
        assertThat(reopened.getString("history[2].reason")).isEqualTo("a court decision on school 5");
        JsonPath history = returnOf(MINISTRY, period);
        List<String> to = history.getList("history.to");
        assertThat(to.subList(0, 7)).containsExactly("SIGNED", "RETURNED", "SIGNED", "DRAFT", "SIGNED", "ACCEPTED",
                "LOCKED");
        assertThat(to.get(7)).isEqualTo("ACCEPTED");
        assertProblem(Callers.json(MINISTRY).body(Map.of("reason", "again")).post("/api/v1/periods/" + period
                + "/reopen"), 409).body("reason", equalTo("PERIOD_NOT_LOCKED"));
    }

    @Test
    void acceptedReturnedThenFixedByNewDataGoesBackToDraft() {
        String period = SignoffCalls.open(CENSUS, CENSUS.plusDays(10), CENSUS.plusDays(15));
        sign(period, returnOf(SCHOOL_AKMOLA, period)).then().statusCode(200);
        decide(MINISTRY, period, "ACCEPT", null, X).then().statusCode(200).body("returns[0].status", equalTo("ACCEPTED"));
        // an accepted return may still be returned before the lock (ACCEPTED -> RETURNED)
        decide(OBLAST_AKMOLA, period, "RETURN", "the head's certificate is about to expire", X).then().statusCode(200)
                .body("returns[0].status", equalTo("RETURNED"));
        // the school fixes its data: a RETURNED return whose figures change goes back to DRAFT
        FactProducer.spell(FactProducer.Spell.open(X, 7, "F", "RU", CENSUS.minusDays(2)), "OPENED");
        await().atMost(Duration.ofSeconds(30)).until(() -> returnOf(MINISTRY, period).getString("status")
                .equals("DRAFT"));
        JsonPath fixed = returnOf(SCHOOL_AKMOLA, period);
        assertThat(fixed.getList("history.to")).containsExactly("SIGNED", "ACCEPTED", "RETURNED", "DRAFT");
        assertThat(fixed.getString("history[3].from")).isEqualTo("RETURNED");
        assertThat(fixed.getString("history[3].reason")).isEqualTo(Returns.DATA_CHANGED);
        assertThat(fixed.getString("history[1].actorRole")).isEqualTo("ministry");
        // signed again with the GOST certificate, accepted: the new figures are the confirmed ones
        String gost = SigningCa.get().gost(X).signDetachedBase64(fixed.getString("content"));
        Callers.json(SCHOOL_AKMOLA).body(Map.of("digest", fixed.getString("digest"), "signature", gost))
                .post("/api/v1/periods/" + period + "/returns/" + X + "/signature").then().statusCode(200)
                .body("signed.signature.algorithm", containsString("GOST"));
        decide(OBLAST_AKMOLA, period, "ACCEPT", null, X).then().statusCode(200);
        assertThat(students(X, "confirmed", period)).isEqualTo(fixed.getLong("figures.students"));
    }

    @Test
    void bulkDecisionIsAllOrNone() {
        String other = Ids.bin();
        FactProducer.publishCard(Cards.school(other, DISTRICT));
        String period = SignoffCalls.open(CENSUS, CENSUS.plusDays(10), LocalDate.now().plusDays(30));
        await().atMost(Duration.ofSeconds(30)).until(() -> Reports.get(MINISTRY, "/api/v1/periods/" + period
                + "/returns/" + other, Map.of()).statusCode() == 200);
        sign(period, returnOf(SCHOOL_AKMOLA, period)).then().statusCode(200);
        assertProblem(decide(OBLAST_AKMOLA, period, "ACCEPT", null, X, other), 409)
                .body("reason", equalTo("INVALID_TRANSITION")).body("errors.field", contains("bins[1]"))
                .body("errors[0].message", containsString("the return is DRAFT"));
        assertThat(returnOf(MINISTRY, period).getString("status")).isEqualTo("SIGNED");
        JsonPath list = Reports.get(OBLAST_AKMOLA, "/api/v1/periods/" + period + "/returns",
                Map.of("kato", DISTRICT, "status", "SIGNED")).then().statusCode(200).extract().jsonPath();
        assertThat(list.getList("rows.schoolBin")).containsExactly(X);
        JsonPath completeness = Reports.get(MINISTRY, "/api/v1/completeness", Map.of("period", period, "kato",
                DISTRICT)).then().statusCode(200).extract().jsonPath();
        assertThat(completeness.getInt("byStatus.SIGNED")).isEqualTo(1);
        assertThat(completeness.getInt("byStatus.DRAFT")).isEqualTo(completeness.getInt("expected") - 1);
        assertThat(completeness.getList("returns.bin")).contains(X, other);

        // before the acceptance deadline the period cannot be locked
        assertProblem(Callers.as(MINISTRY).post("/api/v1/periods/" + period + "/lock"), 409)
                .body("reason", equalTo("ACCEPTANCE_DEADLINE_NOT_PASSED"));
        decide(OBLAST_AKMOLA, period, "ACCEPT", null, X).then().statusCode(200);
        assertThat(returnOf(MINISTRY, period).getString("status")).isEqualTo("ACCEPTED");
    }

    @Test
    void periodBodiesAreChecked() {
        String name = "enrolment " + UUID.randomUUID();
        Map<String, Object> body = Map.of("kind", "ENROLMENT", "name", name, "censusDate", CENSUS.toString(),
                "submissionDeadline", CENSUS.plusDays(1).toString(), "acceptanceDeadline", CENSUS.plusDays(2).toString());
        Callers.json(MINISTRY).body(body).post("/api/v1/periods").then().statusCode(201);
        assertProblem(Callers.json(MINISTRY).body(body).post("/api/v1/periods"), 409)
                .body("reason", equalTo("PERIOD_EXISTS"));
        Response bad = Callers.json(MINISTRY).body(Map.of("kind", "SALARIES", "name", "x", "censusDate",
                CENSUS.toString(), "submissionDeadline", CENSUS.minusDays(1).toString(), "acceptanceDeadline",
                CENSUS.toString())).post("/api/v1/periods");
        assertInvalid(bad, "kind", "ENROLMENT or EQUIPMENT");
        assertInvalid(bad, "submissionDeadline", "on or after censusDate");
        assertProblem(Callers.as(MINISTRY).get("/api/v1/periods/" + UUID.randomUUID()), 404);
    }

    static JsonPath returnOf(String caller, String period) {
        return SignoffCalls.readReturn(caller, period, X);
    }

    static Response sign(String period, JsonPath view) {
        String signature = SigningCa.get().valid(X).signDetachedBase64(view.getString("content"));
        return SignoffCalls.sign(SCHOOL_AKMOLA, period, X, Map.of("digest", view.getString("digest"),
                "signature", signature));
    }

    static Response decide(String caller, String period, String decision, String comment, String... bins) {
        Map<String, Object> body = comment == null ? Map.of("decision", decision, "bins", List.of(bins))
                : Map.of("decision", decision, "comment", comment, "bins", List.of(bins));
        return Callers.json(caller).body(body).post("/api/v1/periods/" + period + "/decisions");
    }

    static Response get(String caller, String path) {
        return Callers.as(caller).get(path);
    }

    static long students(String bin, String basis, String... period) {
        Map<String, Object> params = basis.equals("live")
                ? Map.of("level", "SCHOOL", "bin", bin, "asOf", CENSUS.toString())
                : Map.of("level", "SCHOOL", "bin", bin, "basis", "confirmed", "period", period[0]);
        JsonPath json = Reports.get(MINISTRY, "/api/v1/rollups/enrolment", params).then().statusCode(200).extract()
                .jsonPath();
        return json.getList("rows").isEmpty() ? 0 : json.getLong("rows[0].students");
    }
}
