package kz.nobd.report.signoff;

import static kz.nobd.report.signoff.SignoffCalls.AKMOLA;
import static kz.nobd.report.signoff.SignoffCalls.AKTOBE;
import static kz.nobd.report.signoff.SignoffCalls.PERIODS;
import static kz.nobd.report.signoff.SignoffCalls.X;
import static kz.nobd.report.signoff.SignoffCalls.Y;
import static kz.nobd.testing.Problems.assertProblem;
import static kz.nobd.testing.Tokens.MINISTRY;
import static kz.nobd.testing.Tokens.OBLAST_AKMOLA;
import static kz.nobd.testing.Tokens.OBLAST_AKTOBE;
import static kz.nobd.testing.Tokens.REPORT_CONSUMER;
import static kz.nobd.testing.Tokens.SCHOOL_AKMOLA;
import static kz.nobd.testing.Tokens.SCHOOL_ALMATY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import kz.nobd.report.testing.Reports;
import kz.nobd.testing.Callers;
import kz.nobd.testing.signing.SigningCa;

/**
 * Who may call the sign-off endpoints (docs/signoff.md, docs/security.md), for every endpoint and the callers none,
 * ministry, oblast A (Akmola), oblast B (Aktobe), school X (school.akmola, in Akmola), school Y (school.almaty, in
 * Almaty oblast) and report-consumer: 401 without a valid token, 403 for a role that may never call it, 404 outside
 * the jurisdiction, and on success bodies that hold nothing from outside it. The matrix runs on one OPEN period
 * whose acceptance deadline is ahead, where nothing is ever signed: a permitted caller's lock, reopen or decision is
 * refused there by the workflow (409, after authorization), and its signature, which would change the period, is
 * asserted by its own test on a fresh period, as are the decisions, the lock and the reopen that succeed.
 */
@QuarkusTest
public class SignoffAuthorizationTest { // public: OpenApiContractTest compares its matrix with the documented roles
    /** In the matrix: the permitted caller's change, asserted by its own test. */
    static final int OWN_TEST = 0;
    private static String period;

    /**
     * An endpoint call of the matrix: {@code operation} as the OpenAPI document names it ({id} and {period} are the
     * matrix's period, {bin} is {@code bin}); {@code body} made from the period's id; {@code conflict} the reason of
     * a permitted caller's 409 on that period.
     */
    public record Call(String name, String operation, String bin, Map<String, String> params,
            Function<String, Object> body, String conflict) {
        Call(String name, String operation, String bin, Map<String, String> params) {
            this(name, operation, bin, params, null, null);
        }

        String method() {
            return operation.substring(0, operation.indexOf(' '));
        }

        String path(String periodId) {
            return operation.substring(operation.indexOf(' ') + 1).replace("{id}", periodId)
                    .replace("{period}", periodId).replace("{bin}", bin == null ? "" : bin);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final Call OPEN = new Call("open a period", "POST /api/v1/periods", null, Map.of(),
            p -> SignoffCalls.newPeriod(Reports.today().minusDays(20), Reports.today(), Reports.today()), null);
    static final Call LIST = new Call("list periods", "GET /api/v1/periods", null, Map.of());
    static final Call PERIOD = new Call("read the period", "GET /api/v1/periods/{id}", null, Map.of());
    static final Call LOCK = new Call("lock", "POST /api/v1/periods/{id}/lock", null, Map.of(), null,
            "ACCEPTANCE_DEADLINE_NOT_PASSED");
    static final Call REOPEN = new Call("reopen", "POST /api/v1/periods/{id}/reopen", null, Map.of(),
            p -> Map.of("reason", "authorization test"), "PERIOD_NOT_LOCKED");
    static final Call RETURNS = new Call("list returns", "GET /api/v1/periods/{period}/returns", null, Map.of());
    static final Call RETURNS_A = new Call("list returns in Akmola", "GET /api/v1/periods/{period}/returns", null,
            Map.of("kato", AKMOLA));
    static final Call RETURN_X = new Call("read X's return", "GET /api/v1/periods/{period}/returns/{bin}", X, Map.of());
    static final Call RETURN_Y = new Call("read Y's return", "GET /api/v1/periods/{period}/returns/{bin}", Y, Map.of());
    static final Call SIGN_X = new Call("sign X's return", "POST /api/v1/periods/{period}/returns/{bin}/signature", X,
            Map.of(), p -> SignoffCalls.signatureOf(p, X, SigningCa.get().valid(X)), null);
    static final Call SIGN_Y = new Call("sign Y's return", "POST /api/v1/periods/{period}/returns/{bin}/signature", Y,
            Map.of(), p -> SignoffCalls.signatureOf(p, Y, SigningCa.get().valid(Y)), null);
    static final Call DECIDE_X = new Call("accept X's return", "POST /api/v1/periods/{period}/decisions", null,
            Map.of(), p -> Map.of("decision", "ACCEPT", "bins", List.of(X)), "INVALID_TRANSITION");
    static final Call COMPLETE = new Call("completeness of the period", "GET /api/v1/completeness", null, Map.of());
    static final Call COMPLETE_A = new Call("completeness of the period in Akmola", "GET /api/v1/completeness", null,
            Map.of("kato", AKMOLA));
    static final List<Call> ALL = List.of(OPEN, LIST, PERIOD, LOCK, REOPEN, RETURNS, RETURNS_A, RETURN_X, RETURN_Y,
            SIGN_X, SIGN_Y, DECIDE_X, COMPLETE, COMPLETE_A);

    @BeforeEach
    void aPeriodWithTheDemoSchools() {
        SignoffCalls.demoSchoolsPlaced();
        if (period == null) {
            LocalDate today = Reports.today();
            period = SignoffCalls.open(today.minusDays(20), today.plusDays(10), today.plusDays(20));
        }
    }

    public static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Call call : ALL) {
            cases.add(arguments(Callers.NO_TOKEN, call, 401));
            cases.add(arguments(Callers.GARBAGE_TOKEN, call, 401));
            cases.add(arguments(REPORT_CONSUMER, call, 403));
        }
        // OPEN LIST PERIOD LOCK REOPEN RETURNS RETURNS_A RETURN_X RETURN_Y SIGN_X SIGN_Y DECIDE_X COMPLETE COMPLETE_A
        expect(cases, MINISTRY, 201, 200, 200, 409, 409, 200, 200, 200, 200, 403, 403, 409, 200, 200);
        expect(cases, OBLAST_AKMOLA, 403, 200, 200, 403, 403, 200, 200, 200, 404, 403, 403, 409, 200, 200);
        expect(cases, OBLAST_AKTOBE, 403, 200, 200, 403, 403, 200, 404, 404, 404, 403, 403, 404, 200, 404);
        expect(cases, SCHOOL_AKMOLA, 403, 200, 200, 403, 403, 200, 200, 200, 404, OWN_TEST, 404, 403, 403, 403);
        expect(cases, SCHOOL_ALMATY, 403, 200, 200, 403, 403, 200, 200, 404, 200, 404, OWN_TEST, 403, 403, 403);
        return cases.stream();
    }

    private static void expect(List<Arguments> cases, String caller, int... statuses) {
        for (int i = 0; i < ALL.size(); i++) {
            if (statuses[i] != OWN_TEST) {
                cases.add(arguments(caller, ALL.get(i), statuses[i]));
            }
        }
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @MethodSource("matrix")
    void everyEndpointForEveryCaller(String caller, Call call, int status) {
        Response response = call(caller, call);
        if (status == 409) {
            assertProblem(response, 409).body("reason", equalTo(call.conflict()));
            return;
        }
        if (status >= 400) {
            assertProblem(response, status);
            return;
        }
        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
        JsonPath json = response.jsonPath();
        if (call == OPEN) {
            assertThat(response.header("Location")).endsWith(PERIODS + "/" + json.getString("id"));
            assertThat(json.getString("status")).isEqualTo("OPEN");
            assertThat(json.getString("kind")).isEqualTo("ENROLMENT");
            assertThat(json.getString("history[0].actor")).isEqualTo(MINISTRY);
        } else if (call == LIST) {
            assertThat(json.getString("periods.find { it.id == '" + period + "' }.status")).isEqualTo("OPEN");
        } else if (call == PERIOD) {
            assertThat(json.getString("id")).isEqualTo(period);
            assertThat(json.getString("status")).isEqualTo("OPEN");
            assertThat(json.getString("censusDate")).isEqualTo(Reports.today().minusDays(20).toString());
            assertThat(json.getList("history.status")).containsExactly("OPEN");
            assertThat(json.getList("history.actor")).containsExactly(MINISTRY);
        } else if (call == RETURNS || call == RETURNS_A) {
            assertReturnsInJurisdiction(caller, json.getString("periodId"), json.getList("rows.schoolBin"),
                    json.getList("rows.oblastKato"), call == RETURNS_A);
            assertThat(json.getList("rows.status")).allMatch("DRAFT"::equals);
        } else if (call == RETURN_X || call == RETURN_Y) {
            assertDraftReturn(json, call.bin());
        } else if (call == COMPLETE || call == COMPLETE_A) {
            assertReturnsInJurisdiction(caller, json.getString("period"), json.getList("returns.bin"),
                    json.getList("returns.oblastKato"), call == COMPLETE_A);
            assertThat(json.getInt("expected")).isEqualTo(json.getList("returns").size());
            assertThat(json.getInt("byStatus.DRAFT")).isEqualTo(json.getInt("expected"));
        }
    }

    /** The answer covers the caller's jurisdiction and nothing outside it. */
    private static void assertReturnsInJurisdiction(String caller, String periodId, List<String> bins,
            List<String> oblasts, boolean inAkmola) {
        assertThat(periodId).isEqualTo(period);
        switch (caller) {
            case SCHOOL_AKMOLA -> assertThat(bins).containsExactly(X);
            case SCHOOL_ALMATY -> assertThat(bins).isEqualTo(inAkmola ? List.of() : List.of(Y));
            case OBLAST_AKMOLA -> assertThat(oblasts).isNotEmpty().containsOnly(AKMOLA);
            case OBLAST_AKTOBE -> assertThat(oblasts).doesNotContain(AKMOLA).allMatch(AKTOBE::equals);
            default -> assertThat(oblasts).isNotEmpty().allMatch(k -> !inAkmola || k.equals(AKMOLA));
        }
    }

    /** A return nobody signed: DRAFT, today's content of the period and the school with its SHA-256, no history. */
    static void assertDraftReturn(JsonPath json, String bin) {
        assertThat(json.getString("periodId")).isEqualTo(period);
        assertThat(json.getString("schoolBin")).isEqualTo(bin);
        assertThat(json.getString("status")).isEqualTo("DRAFT");
        String content = json.getString("content");
        assertThat(json.getString("digest")).isEqualTo(SignoffCalls.sha256(content));
        JsonPath signed = JsonPath.from(content);
        assertThat(signed.getString("period.id")).isEqualTo(period);
        assertThat(signed.getString("period.kind")).isEqualTo("ENROLMENT");
        assertThat(signed.getString("schoolBin")).isEqualTo(bin);
        assertThat(signed.getMap("figures")).containsKeys("cells", "students");
        assertThat(json.getMap("figures")).isEqualTo(signed.getMap("figures"));
        assertThat(json.getList("signatures")).isEmpty();
        assertThat(json.getList("history")).isEmpty();
        assertThat(json.getMap("signed")).isNull();
    }

    @Test
    void schoolsSignTheirOwnReturnsTheirOblastAcceptsAndTheMinistryReturns() {
        String fresh = SignoffCalls.openPastPeriod();
        Response x = SignoffCalls.sign(SCHOOL_AKMOLA, fresh, X, SignoffCalls.signatureOf(fresh, X,
                SigningCa.get().valid(X)));
        assertThat(x.statusCode()).as(x.asString()).isEqualTo(200);
        assertThat(x.jsonPath().getString("status")).isEqualTo("SIGNED");
        assertThat(x.jsonPath().getList("signatures.signedBy")).containsExactly(SCHOOL_AKMOLA);
        Response y = SignoffCalls.sign(SCHOOL_ALMATY, fresh, Y, SignoffCalls.signatureOf(fresh, Y,
                SigningCa.get().valid(Y)));
        assertThat(y.statusCode()).as(y.asString()).isEqualTo(200);
        assertThat(y.jsonPath().getString("status")).isEqualTo("SIGNED");

        // a signed return outside the oblast is not there for it
        assertProblem(decide(OBLAST_AKMOLA, fresh, "ACCEPT", null, Y), 404);
        JsonPath accepted = decide(OBLAST_AKMOLA, fresh, "ACCEPT", null, X).then().statusCode(200).extract().jsonPath();
        assertThat(accepted.getString("decision")).isEqualTo("ACCEPT");
        assertThat(accepted.getList("returns.schoolBin")).containsExactly(X);
        assertThat(accepted.getList("returns.status")).containsExactly("ACCEPTED");
        assertThat(accepted.getList("returns.oblastKato")).containsExactly(AKMOLA);
        JsonPath returned = decide(MINISTRY, fresh, "RETURN", "the grade 5 count is too low", Y).then()
                .statusCode(200).extract().jsonPath();
        assertThat(returned.getList("returns.schoolBin")).containsExactly(Y);
        assertThat(returned.getList("returns.status")).containsExactly("RETURNED");

        JsonPath xNow = SignoffCalls.readReturn(OBLAST_AKMOLA, fresh, X);
        assertThat(xNow.getList("history.to")).containsExactly("SIGNED", "ACCEPTED");
        assertThat(xNow.getList("history.actor")).containsExactly(SCHOOL_AKMOLA, OBLAST_AKMOLA);
        JsonPath yNow = SignoffCalls.readReturn(SCHOOL_ALMATY, fresh, Y);
        assertThat(yNow.getList("history.to")).containsExactly("SIGNED", "RETURNED");
        assertThat(yNow.getString("history[1].reason")).isEqualTo("the grade 5 count is too low");
        assertThat(yNow.getString("history[1].actorRole")).isEqualTo("ministry");
    }

    @Test
    void theMinistryLocksAPeriodPastItsAcceptanceDeadlineAndReopensItWithAReason() {
        String fresh = SignoffCalls.openPastPeriod();
        JsonPath locked = Callers.as(MINISTRY).post(PERIODS + "/" + fresh + "/lock").then().statusCode(200).extract()
                .jsonPath();
        assertThat(locked.getString("id")).isEqualTo(fresh);
        assertThat(locked.getString("status")).isEqualTo("LOCKED");
        assertThat(locked.getList("history.status")).containsExactly("OPEN", "LOCKED");

        JsonPath reopened = Callers.json(MINISTRY).body(Map.of("reason", "a district's figures were wrong"))
                .post(PERIODS + "/" + fresh + "/reopen").then().statusCode(200).extract().jsonPath();
        assertThat(reopened.getString("status")).isEqualTo("OPEN");
        assertThat(reopened.getList("history.status")).containsExactly("OPEN", "LOCKED", "OPEN");
        assertThat(reopened.getString("history[2].reason")).isEqualTo("a district's figures were wrong");
        assertThat(reopened.getString("history[2].actor")).isEqualTo(MINISTRY);
    }

    private static Response call(String caller, Call call) {
        var request = Callers.json(caller).queryParams(call.params());
        if (call == COMPLETE || call == COMPLETE_A) {
            request = request.queryParam("period", period);
        }
        if (call.body() != null) {
            request = request.body(call.body().apply(period));
        }
        return request.request(call.method(), call.path(period));
    }

    private static Response decide(String caller, String periodId, String decision, String comment, String bin) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("decision", decision, "bins", List.of(bin)));
        if (comment != null) {
            body.put("comment", comment);
        }
        return Callers.json(caller).body(body).post(PERIODS + "/" + periodId + "/decisions");
    }
}
