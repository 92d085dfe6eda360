package kz.nobd.report.api;

import static io.restassured.RestAssured.given;
import static kz.nobd.testing.Tokens.MINISTRY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import kz.nobd.report.service.HeavyQueries;
import kz.nobd.report.testing.Reports;
import kz.nobd.testing.HeldTurns;

/**
 * While the two turns of heavy queries are taken, a heavy query not kept in the cache waits a second and gets 503
 * problem+json with Retry-After, counted in nobd.report.heavy.rejected; light queries are answered; once a turn is
 * free the same heavy query is answered.
 */
@QuarkusTest
class HeavyQueriesTest {
    static final String ENROLMENT = "/api/v1/rollups/enrolment";

    @Inject
    HeavyQueries heavy;

    @Test
    void heavyQueriesBeyondTheBoundAreRefusedWithRetryAfter() throws Exception {
        Reports.awaitReady();
        // a page nobody asked for yet: not in the cache, so it must be computed
        Map<String, Object> schoolRows = Map.of("level", "SCHOOL", "by", "sex", "size", 1, "page",
                ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
        Map<String, Object> pastOblasts = Map.of("level", "OBLAST", "asOf", Reports.today().minusDays(1 + ThreadLocalRandom
                .current().nextInt(300)).toString(), "by", "grade", "page", ThreadLocalRandom.current().nextInt(1000, 9999));
        double rejectedBefore = rejected();
        try (HeldTurns held = HeldTurns.take(2, heavy::inTurn)) {
            for (Map<String, Object> query : java.util.List.of(schoolRows, pastOblasts)) {
                Response busy = Reports.get(MINISTRY, ENROLMENT, query);
                assertThat(busy.statusCode()).as("%s while the turns are taken", query).isEqualTo(503);
                assertThat(busy.contentType()).startsWith("application/problem+json");
                assertThat(busy.header("Retry-After")).isEqualTo("5");
                assertThat(busy.jsonPath().getString("detail")).contains("heavy queries").contains("retry later");
            }
            assertThat(rejected()).isEqualTo(rejectedBefore + 2);
            // light: today's national and oblast rows from the cube
            assertThat(Reports.get(MINISTRY, ENROLMENT, Map.of("level", "OBLAST", "by", "sex")).statusCode())
                    .isEqualTo(200);
        }
        assertThat(Reports.get(MINISTRY, ENROLMENT, schoolRows).statusCode()).isEqualTo(200);
        assertThat(Reports.get(MINISTRY, ENROLMENT, pastOblasts).statusCode()).isEqualTo(200);
    }

    static double rejected() {
        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();
        return metrics.lines().filter(l -> l.startsWith("nobd_report_heavy_rejected_total"))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).sum();
    }
}
