package kz.nobd.report.api;

import static kz.nobd.testing.Problems.assertInvalid;
import static kz.nobd.testing.Problems.assertProblem;
import static kz.nobd.testing.Tokens.MINISTRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import kz.nobd.report.testing.Reports;
import kz.nobd.testing.Ids;
import kz.nobd.testing.RawHttp;
import kz.nobd.testing.Tokens;

/**
 * Query parameters a tester threw at the running report-service: extreme dates (which reached PostgreSQL and came
 * back as a false "database did not answer" 503), pages past any sane offset, a NUL in free text, URIs over the
 * limit, identifiers that must not be echoed. Each is a 400 (or 414) problem+json naming the parameter.
 */
@QuarkusTest
class HostileInputTest {
    @BeforeEach
    void caughtUp() {
        Reports.awaitReady(); // the API answers 503 until the replica has caught up
    }

    private static final String ENROLMENT = "/api/v1/rollups/enrolment";

    @ParameterizedTest(name = "{0}?{1}={2}")
    @CsvSource({"/api/v1/rollups/enrolment, asOf, -999999999-01-01", "/api/v1/rollups/equipment, asOf, 1899-12-31",
            "/api/v1/indicators, asOf, -999999999-01-01", "/api/v1/audit, since, +999999999-12-31",
            "/api/v1/audit, since, -999999999-01-01", "/api/v1/completeness, since, +999999999-12-31"})
    void datesOutsideTheRangeAre400NamingTheParameter(String path, String name, String value) {
        Map<String, String> params = path.endsWith("completeness") ? Map.of("kind", "enrolment", name, value)
                : Map.of(name, value);

        assertInvalid(Reports.get(MINISTRY, path, params), name, "from 1900-01-01 to 9999-12-31");
    }

    @ParameterizedTest(name = "page={0}&size={1} on {2}")
    @CsvSource({"4294968, 500, /api/v1/rollups/enrolment", "16777216, 256, /api/v1/rollups/equipment",
            "2147483647, , /api/v1/audit", "99999999999999999999, 10, /api/v1/audit"})
    void pagesPastTheOffsetLimitAre400NamingTheRange(String page, String size, String path) {
        Map<String, String> params = size == null ? Map.of("page", page) : Map.of("page", page, "size", size);
        long max = 10_000_000 / (size == null ? (path.endsWith("audit") ? 50 : 500) : Integer.parseInt(size));

        assertInvalid(Reports.get(MINISTRY, path, params), "page", "0.." + max, "10000000");
    }

    @Test
    void aNulInTheAuditUserIs400() {
        assertInvalid(Reports.get(MINISTRY, "/api/v1/audit", Map.of("user", "ministry\u0000")), "user", "U+0000");
    }

    @Test
    void aTenThousandDigitQueryIs414ProblemJsonWithoutTheDigits() throws Exception {
        RawHttp.Answer answer = RawHttp.send("GET", ENROLMENT + "?kato=" + "1".repeat(10_000),
                "Authorization: " + Tokens.bearer(MINISTRY));

        assertThat(answer.status()).isEqualTo(414);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.json().getString("detail")).contains("at most 8192");
        assertThat(answer.body()).doesNotContainPattern("\\d{12}");
    }

    @Test
    void twelveDigitRunsAreNeverEchoedInErrors() {
        String iin = Ids.boy();

        assertProblem(Reports.get(MINISTRY, ENROLMENT, Map.of("kato", iin)), 400).body(not(containsString(iin)));
        assertProblem(Reports.get(MINISTRY, ENROLMENT, Map.of("level", "SCHOOL", "bin", iin)), 400)
                .body(not(containsString(iin)));
        assertProblem(Reports.get(MINISTRY, "/api/v1/audit", Map.of("size", iin)), 400)
                .body(not(containsString(iin)));
    }
}
