package kz.nobd.report.api;

import static kz.nobd.testing.Problems.assertInvalid;
import static kz.nobd.testing.Problems.assertProblem;
import static kz.nobd.testing.Tokens.MINISTRY;
import static kz.nobd.testing.Tokens.REPORT_CONSUMER;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import kz.nobd.report.testing.Reports;
import kz.nobd.testing.Callers;

/** Parameters a client would really get wrong: 400 problem+json naming the parameter and what is allowed. */
@QuarkusTest
class BadParametersTest {
    @BeforeEach
    void caughtUp() {
        Reports.awaitReady(); // the API answers 503 until the replica has caught up
    }

    static final String ENROLMENT = "/api/v1/rollups/enrolment";
    static final String EQUIPMENT = "/api/v1/rollups/equipment";
    static final String INDICATORS = "/api/v1/indicators";
    static final String COMPLETENESS = "/api/v1/completeness";

    static Stream<Arguments> badParameters() {
        String tomorrow = Reports.today().plusDays(1).toString();
        return Stream.of(
                arguments(ENROLMENT, Map.of("level", "COUNTY"), "level", "NATIONAL, OBLAST, DISTRICT, SCHOOL"),
                arguments(ENROLMENT, Map.of("kato", "11000"), "kato", "9-digit"),
                arguments(ENROLMENT, Map.of("kato", "119999999"), "kato", "not in the KATO reference"),
                arguments(ENROLMENT, Map.of("asOf", "2025-13-01"), "asOf", "YYYY-MM-DD"),
                arguments(ENROLMENT, Map.of("asOf", "01.09.2025"), "asOf", "YYYY-MM-DD"),
                arguments(ENROLMENT, Map.of("asOf", tomorrow), "asOf", "or earlier"),
                arguments(ENROLMENT, Map.of("by", "grade,colour"), "by", "grade, sex, language, locality, type, ownership"),
                arguments(EQUIPMENT, Map.of("by", "grade"), "by", "locality, type, ownership"),
                arguments(ENROLMENT, Map.of("level", "SCHOOL", "page", "-1"), "page", "page must be 0.."),
                arguments(ENROLMENT, Map.of("level", "SCHOOL", "size", "0"), "size", "1..500"),
                arguments(EQUIPMENT, Map.of("level", "SCHOOL", "size", "501"), "size", "1..500"),
                arguments(ENROLMENT, Map.of("level", "SCHOOL", "size", "ten"), "size", "whole number"),
                arguments(ENROLMENT, Map.of("level", "SCHOOL", "bin", "123456789012"), "bin", "check digit"),
                arguments(INDICATORS, Map.of("level", "OBLAST"), "kato", "NN0000000"),
                arguments(INDICATORS, Map.of("level", "DISTRICT", "kato", "110000000"), "kato", "district"),
                arguments(INDICATORS, Map.of("level", "NATIONAL", "kato", "110000000"), "kato", "neither"),
                arguments(INDICATORS, Map.of("level", "SCHOOL"), "bin", "needs bin"),
                arguments(COMPLETENESS, Map.of(), "kind", "enrolment or equipment"),
                arguments(COMPLETENESS, Map.of("kind", "students"), "kind", "enrolment or equipment"),
                arguments(COMPLETENESS, Map.of("kind", "equipment", "since", "last week"), "since", "YYYY-MM-DD"),
                arguments(COMPLETENESS, Map.of("kind", "equipment", "kato", "1"), "kato", "9-digit"),
                arguments("/api/v1/audit", Map.of("since", "yesterday"), "since", "YYYY-MM-DD"),
                arguments(ENROLMENT, Map.of("basis", "official"), "basis", "live (today's figures, the default) or confirmed"),
                arguments(INDICATORS, Map.of("basis", "live", "period", "x"), "period", "goes with basis=confirmed"),
                arguments(COMPLETENESS, Map.of("period", "x", "kind", "enrolment"), "kind", "leave kind and since out"));
    }

    @ParameterizedTest(name = "{0} {1} -> 400 on {2}")
    @MethodSource("badParameters")
    void aBadParameterIsA400NamingIt(String path, Map<String, String> params, String field, String allowed) {
        assertInvalid(Reports.get(MINISTRY, path, params), field, allowed);
    }

    @Test
    void basisAndTheOtherParametersAreListedInOneAnswer() {
        Response response = Reports.get(MINISTRY, ENROLMENT, Map.of("level", "COUNTY", "basis", "official"));
        assertInvalid(response, "level", "NATIONAL, OBLAST, DISTRICT, SCHOOL");
        assertInvalid(response, "basis", "confirmed");
        // confirmed figures are as of their period's census date: asOf is refused with them
        String census = Reports.today().minusDays(3).toString();
        String period = Callers.json(MINISTRY).body(Map.of("kind", "ENROLMENT", "name", "bad parameters "
                + java.util.UUID.randomUUID(), "censusDate", census, "submissionDeadline", census,
                "acceptanceDeadline", census)).post("/api/v1/periods").then().statusCode(201).extract().path("id");
        assertInvalid(Reports.get(MINISTRY, ENROLMENT, Map.of("basis", "confirmed", "asOf", census, "period", period)),
                "asOf", "leave asOf out");
    }

    @Test
    void aLevelTheRoleMayNeverReadIsRefusedBeforeAnyPeriodIsLookedFor() {
        assertProblem(Reports.get(REPORT_CONSUMER, ENROLMENT, Map.of("level", "SCHOOL", "bin", "210540000010",
                "period", java.util.UUID.randomUUID().toString())), 403);
    }
}
