package kz.nobd.ingest.api;

import static kz.nobd.testing.Problems.assertInvalid;
import static kz.nobd.testing.Problems.assertProblem;
import static kz.nobd.testing.Tokens.MINISTRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import kz.nobd.ingest.testing.Events;
import kz.nobd.ingest.testing.Submissions;
import kz.nobd.testing.Callers;
import kz.nobd.testing.Ids;
import kz.nobd.testing.RawHttp;
import kz.nobd.testing.Tokens;

/**
 * Input a tester threw at the running ingest-service: extreme dates, pages past any sane offset, control
 * characters, a repeated JSON key, a body without Content-Type, bodies and URIs over the limits, identifiers that
 * must not be echoed. Each is a 4xx problem+json naming what was wrong (the Kafka side is in KafkaBadInputTest).
 */
@QuarkusTest
class HostileInputTest {
    private static final String DAY = "2025-10-01";

    @ParameterizedTest(name = "since={0}")
    @CsvSource({"+999999999-12-31", "-999999999-01-01", "1899-12-31", "10000-01-01"})
    void sinceOutsideTheDateRangeIs400(String since) {
        assertInvalid(Callers.as(MINISTRY).queryParam("since", since).get("/api/v1/rejections"), "since",
                "from 1900-01-01 to 9999-12-31");
    }

    @ParameterizedTest(name = "page={0}&size={1} on {2}")
    @CsvSource({"4294968, 500, /api/v1/rejections", "16777216, 256, /api/v1/rejections",
            "2147483647, , /api/v1/conflicts", "99999999999999999999, 10, /api/v1/conflicts"})
    void pagesPastTheOffsetLimitAre400NamingTheRange(String page, String size, String path) {
        var request = Callers.as(MINISTRY).queryParam("page", page);
        if (size != null) {
            request.queryParam("size", size);
        }
        long max = 10_000_000 / (size == null ? 50 : Integer.parseInt(size));

        assertInvalid(request.get(path), "page", "0.." + max, "10000000");
    }

    @ParameterizedTest(name = "{0} holding U+0000")
    @CsvSource({"type", "schoolYear", "language", "eventId", "studentIin"})
    void aNulInAnEventFieldIs400NamingTheField(String field) {
        Map<String, Object> event = Events.enrolled(Ids.boy(), Tokens.SCHOOL_AKMOLA_BIN, 1, DAY);
        event.put(field, event.get(field) + "\u0000");

        assertInvalid(Submissions.postEvents(MINISTRY, List.of(event)), "[0]." + field);
    }

    @Test
    void aRepeatedJsonKeyIs400NamingIt() {
        String body = "[{\"eventId\":\"" + Ids.eventId() + "\",\"type\":\"ENROLLED\",\"type\":\"WITHDRAWN\"}]";

        assertInvalid(Callers.json(MINISTRY).body(body).post("/api/v1/enrolment-events"), "type",
                "appears more than once");
    }

    @Test
    void aBodyWithoutContentTypeIs415NamingTheAcceptedType() throws Exception {
        byte[] json = "[]".getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + RestAssured.port
                + "/api/v1/enrolment-events")).header("Authorization", Tokens.bearer(MINISTRY))
                .POST(HttpRequest.BodyPublishers.ofByteArray(json)).build();

        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("application/json");
    }

    @Test
    void aBodyOverTheServiceLimitIs413ProblemJson() throws Exception {
        RawHttp.Answer answer = RawHttp.send("POST", "/api/v1/enrolment-events", "Content-Type: application/json",
                "Content-Length: " + (17 * 1024 * 1024), "Authorization: " + Tokens.bearer(MINISTRY));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.json().getString("detail")).contains("at most " + 16 * 1024 * 1024);
    }

    @Test
    void aTenThousandDigitPathIs414ProblemJsonWithoutTheDigits() throws Exception {
        RawHttp.Answer answer = RawHttp.send("GET", "/api/v1/batches/" + "4".repeat(10_000),
                "Authorization: " + Tokens.bearer(MINISTRY));

        assertThat(answer.status()).isEqualTo(414);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.body()).doesNotContainPattern("\\d{12}");
    }

    @Test
    void twelveDigitRunsAreNeverEchoedInErrors() {
        String iin = Ids.girl();
        String wrongCheckDigit = Ids.withWrongCheckDigit(Ids.bin());
        Map<String, Object> event = Events.enrolled(Ids.boy(), wrongCheckDigit, 1, DAY);

        assertProblem(Submissions.batch(MINISTRY, iin), 404).body(not(containsString(iin)));
        assertProblem(Submissions.postEvents(MINISTRY, List.of(event)), 400).body(not(containsString(wrongCheckDigit)));
        assertProblem(Callers.as(MINISTRY).queryParam("schoolBin", iin).get("/api/v1/rejections"), 400)
                .body(not(containsString(iin)));
    }
}
