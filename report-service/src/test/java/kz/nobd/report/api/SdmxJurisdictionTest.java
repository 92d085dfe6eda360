package kz.nobd.report.api;

import static kz.nobd.testing.Problems.assertInvalid;
import static kz.nobd.testing.Problems.assertProblem;
import static kz.nobd.testing.Tokens.MINISTRY;
import static kz.nobd.testing.Tokens.OBLAST_AKMOLA;
import static kz.nobd.testing.Tokens.OBLAST_AKTOBE;
import static kz.nobd.testing.Tokens.REPORT_CONSUMER;
import static kz.nobd.testing.Tokens.SCHOOL_AKMOLA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import kz.nobd.report.testing.Reports;
import kz.nobd.report.testing.SdmxCells;
import kz.nobd.testing.Callers;

/**
 * Who may read the SDMX export, exactly as the enrolment rollup at OBLAST and DISTRICT level (docs/security.md):
 * 401 without a valid token, 403 for a school user, 404 for an oblast user's territory filter outside its oblast,
 * an oblast user's message holding its own oblast only; and 400 naming each bad parameter.
 */
@QuarkusTest
class SdmxJurisdictionTest {
    static final String SDMX = "/api/v1/sdmx/data/enrolment";
    private static LocalDate day;

    @BeforeEach
    void cells() {
        day = SdmxCells.day();
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                arguments(Callers.NO_TOKEN, Map.of("level", "OBLAST"), 401),
                arguments(Callers.GARBAGE_TOKEN, Map.of("level", "DISTRICT"), 401),
                arguments(SCHOOL_AKMOLA, Map.of("level", "OBLAST"), 403),
                arguments(SCHOOL_AKMOLA, Map.of("level", "DISTRICT", "kato", "110000000"), 403),
                arguments(OBLAST_AKMOLA, Map.of("level", "DISTRICT", "kato", "590000000"), 404),
                arguments(OBLAST_AKTOBE, Map.of("level", "OBLAST", "kato", "110000000"), 404),
                arguments(OBLAST_AKTOBE, Map.of("level", "DISTRICT", "kato", "111000000"), 404));
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("refused")
    void refusedAsTheRollupsRefuse(String caller, Map<String, String> params, int status) {
        // the same refusal from the enrolment rollup of the same level and territory
        Map<String, String> query = new HashMap<>(params);
        query.put("asOf", day.toString());
        assertProblem(Callers.as(caller).queryParams(query).get(SDMX), status);
        assertProblem(Callers.as(caller).queryParams(query).get("/api/v1/rollups/enrolment"), status);
    }

    @Test
    void anOblastUserGetsItsOwnOblastOnly() {
        assertThat(areas(OBLAST_AKMOLA, Map.of("level", "OBLAST"))).containsOnly("110000000");
        assertThat(areas(OBLAST_AKMOLA, Map.of("level", "DISTRICT"))).containsOnly(SdmxCells.AKMOLA_DISTRICT);
        assertThat(areas(OBLAST_AKMOLA, Map.of("level", "DISTRICT", "kato", "110000000")))
                .containsOnly(SdmxCells.AKMOLA_DISTRICT);
        assertThat(areas(OBLAST_AKTOBE, Map.of("level", "DISTRICT"))).isEmpty(); // no student of Aktobe that day
    }

    @Test
    void ministryAndReportConsumerGetTheCountry() {
        for (String caller : List.of(MINISTRY, REPORT_CONSUMER)) {
            assertThat(areas(caller, Map.of("level", "OBLAST"))).containsOnly("110000000", "590000000");
            assertThat(areas(caller, Map.of("level", "DISTRICT"))).containsOnly(SdmxCells.AKMOLA_DISTRICT,
                    SdmxCells.D1, SdmxCells.D2);
        }
    }

    static Stream<Arguments> badParameters() {
        String tomorrow = Reports.today().plusDays(1).toString();
        return Stream.of(
                arguments(Map.of("level", "SCHOOL"), "level", "OBLAST or DISTRICT"),
                arguments(Map.of("level", "NATIONAL"), "level", "OBLAST or DISTRICT"),
                arguments(Map.of("level", "county"), "level", "OBLAST or DISTRICT"),
                arguments(Map.of("asOf", "2025-13-01"), "asOf", "YYYY-MM-DD"),
                arguments(Map.of("asOf", tomorrow), "asOf", "or earlier"),
                arguments(Map.of("kato", "11"), "kato", "9-digit"),
                arguments(Map.of("kato", "119999999"), "kato", "not in the KATO reference"));
    }

    @ParameterizedTest(name = "{0} -> 400 on {1}")
    @MethodSource("badParameters")
    void aBadParameterIsA400NamingIt(Map<String, String> params, String field, String allowed) {
        assertInvalid(Reports.get(MINISTRY, SDMX, params), field, allowed);
    }

    @Test
    void everyBadParameterIsListedAtOnce() {
        assertInvalid(Reports.get(MINISTRY, SDMX, Map.of("level", "SCHOOL", "asOf", "yesterday")), "level",
                "OBLAST or DISTRICT").body("errors.field", org.hamcrest.Matchers.hasItem("asOf"));
        assertInvalid(Reports.get(REPORT_CONSUMER, SDMX, Map.of("level", "SCHOOL", "kato", "11",
                "period", SdmxCells.period())), "level", "OBLAST or DISTRICT")
                .body("errors.field", org.hamcrest.Matchers.hasItem("kato"));
    }

    /**
     * The REF_AREA codes of a 200 message on the test's day: live, or for report-consumer the confirmed figures of
     * the LOCKED period as of that day.
     */
    private static List<String> areas(String caller, Map<String, String> params) {
        Map<String, String> query = new HashMap<>(params);
        if (caller.equals(REPORT_CONSUMER)) {
            query.put("period", SdmxCells.period());
        } else {
            query.put("asOf", day.toString());
        }
        Response response = Callers.as(caller).queryParams(query).get(SDMX);
        response.then().statusCode(200);
        List<String> lines = response.asString().lines().toList();
        assertThat(lines.get(0)).startsWith("STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,");
        return lines.subList(1, lines.size()).stream().map(l -> l.split(",")[3]).distinct().toList();
    }
}
