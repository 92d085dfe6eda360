package kz.nobd.registry.api;

import static kz.nobd.registry.testing.Institutions.AKMOLA_VILLAGE;
import static kz.nobd.testing.Callers.as;
import static kz.nobd.testing.Problems.assertInvalid;
import static kz.nobd.testing.Problems.assertProblem;
import static kz.nobd.testing.Tokens.MINISTRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import kz.nobd.registry.testing.CsvImports;
import kz.nobd.registry.testing.Institutions;
import kz.nobd.testing.Ids;
import kz.nobd.testing.RawHttp;
import kz.nobd.testing.Tokens;

/**
 * Input a tester threw at the running registry under load: control characters, pages past any sane offset, a
 * repeated JSON key, a body without Content-Type, bodies and URIs over the limits, identifiers that must not be
 * echoed. Every one is a 4xx problem+json that names what was wrong; none reaches PostgreSQL.
 */
@QuarkusTest
class HostileInputTest {
    @ParameterizedTest(name = "{0} holding U+{1}")
    @CsvSource({"nameRu, 0000", "nameKk, 0000", "nameRu, 007F", "address, 0000", "address, 0009", "address, 000A",
            "address, 000D", "email, 0000", "phone, 0000"})
    void controlCharactersInTextFieldsAre400NamingTheField(String field, String codePoint) {
        String bin = Ids.bin();
        Map<String, Object> card = Institutions.body(bin, AKMOLA_VILLAGE);
        char control = (char) Integer.parseInt(codePoint, 16);
        card.put(field, switch (field) {
            case "email" -> "director" + control + "@school.kz";
            case "phone" -> "+7 701 " + control + "123 45 67";
            default -> "Школа" + control + "№ 1";
        });

        assertInvalid(Institutions.create(MINISTRY, card), field, "control characters", "U+" + codePoint);
        assertProblem(Institutions.get(MINISTRY, bin), 404);
    }

    @Test
    void aNulInAnImportRowIsThatRowsErrorNamingTheFieldAndTheOtherRowsLand() {
        String bad = Ids.bin();
        String good = Ids.bin();
        String csv = CsvImports.HEADER + CsvImports.row(bad, AKMOLA_VILLAGE).replace("Школа ", "Шко\u0000ла ")
                + CsvImports.row(good, AKMOLA_VILLAGE);

        Response response = CsvImports.post(MINISTRY, csv);

        response.then().statusCode(200).body("rows.outcome", equalTo(List.of("REJECTED", "CREATED")))
                .body("rows[0].errors.field", equalTo(List.of("nameRu")))
                .body("rows[0].errors[0].message", containsString("U+0000"))
                .body("rows[0].errors.message", everyItem(not(containsString("ERROR"))));
        assertProblem(Institutions.get(MINISTRY, bad), 404);
        Institutions.get(MINISTRY, good).then().statusCode(200);
    }

    @Test
    void aClosureReasonMayHoldLineBreaksButNoNul() {
        String bin = Institutions.createSchool(AKMOLA_VILLAGE);

        assertInvalid(Institutions.close(MINISTRY, bin, "2024-06-30", "merged\u0000"), "reason", "U+0000");
        Institutions.close(MINISTRY, bin, "2024-06-30", "merged into school 2\nby order 15").then().statusCode(200);
    }

    @Test
    void aSearchTextWithNulIs400() {
        assertInvalid(as(MINISTRY).queryParam("q", "Школа\u0000").get("/api/v1/institutions"), "q", "U+0000");
    }

    @ParameterizedTest(name = "page={0}&size={1} on {2}")
    @CsvSource({"4294968, 500, /api/v1/institutions", "16777216, 256, /api/v1/institutions",
            "2147483647, , /api/v1/institutions", "2147483647, , /api/v1/institutions/210540000010/history",
            "99999999999999999999, 10, /api/v1/territories", "20001, 500, /api/v1/territories"})
    void pagesPastTheOffsetLimitAre400NamingTheRange(String page, String size, String path) {
        Institutions.ensureDemoSchools();
        var request = as(MINISTRY).queryParam("page", page);
        if (size != null) {
            request.queryParam("size", size);
        }
        long max = 10_000_000 / (size == null ? 50 : Integer.parseInt(size));

        assertInvalid(request.get(path), "page", "page must be", "0.." + max, "10000000");
    }

    @Test
    void theLastAllowedPageIsAnEmptyPage() {
        as(MINISTRY).queryParam("page", 20_000).queryParam("size", 500).get("/api/v1/institutions")
                .then().statusCode(200).body("items", equalTo(List.of())).body("page", equalTo(20_000));
    }

    @Test
    void aRepeatedJsonKeyIs400NamingIt() {
        String bin = Ids.bin();
        String json = "{\"bin\":\"" + bin + "\",\"nameKk\":\"Мектеп\",\"nameRu\":\"Школа\",\"nameRu\":\"Другая\","
                + "\"type\":\"SCHOOL\",\"ownership\":\"STATE\",\"kato\":\"" + AKMOLA_VILLAGE + "\","
                + "\"languages\":[\"KK\"],\"openedOn\":\"2001-09-01\"}";

        Response response = as(MINISTRY).contentType("application/json").body(json).post("/api/v1/institutions");

        assertInvalid(response, "nameRu", "appears more than once");
        assertProblem(Institutions.get(MINISTRY, bin), 404);
    }

    @Test
    void aBodyWithoutContentTypeIs415NamingTheAcceptedType() throws Exception {
        String bin = Ids.bin();
        byte[] json = ("{\"bin\":\"" + bin + "\"}").getBytes(StandardCharsets.UTF_8);
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                "http://127.0.0.1:" + io.restassured.RestAssured.port + "/api/v1/institutions"))
                .header("Authorization", Tokens.bearer(MINISTRY))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(json)).build();

        var response = java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("application/json", "no Content-Type");
        assertProblem(Institutions.get(MINISTRY, bin), 404);
    }

    @Test
    void aBodyOverTheServiceLimitIs413ProblemJson() throws Exception {
        RawHttp.Answer answer = RawHttp.send("POST", "/api/v1/institutions/import", "Content-Type: text/csv",
                "Content-Length: " + (17 * 1024 * 1024), "Authorization: " + Tokens.bearer(MINISTRY));

        assertThat(answer.status()).isEqualTo(413);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.json().getInt("status")).isEqualTo(413);
        assertThat(answer.json().getString("detail")).contains("at most " + 16 * 1024 * 1024);
    }

    @Test
    void aTenThousandDigitPathIs414ProblemJsonWithoutTheDigits() throws Exception {
        String digits = "7".repeat(10_000);

        RawHttp.Answer answer = RawHttp.send("GET", "/api/v1/institutions/" + digits,
                "Authorization: " + Tokens.bearer(MINISTRY));

        assertThat(answer.status()).isEqualTo(414);
        assertThat(answer.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(answer.json().getString("detail")).contains("at most 8192");
        assertThat(answer.json().getString("instance")).startsWith("/api/v1/institutions/");
        assertThat(answer.body()).doesNotContainPattern("\\d{12}");
    }

    @Test
    void twelveDigitRunsAreNeverEchoedInErrors() {
        String iin = Ids.boy();
        String wrongCheckDigit = Ids.withWrongCheckDigit(Ids.bin());
        String unknown = Ids.bin();

        // each of these messages quotes the value it refuses
        assertProblem(as(MINISTRY).get("/api/v1/institutions/" + iin + "7"), 400).body(not(containsString(iin)));
        assertProblem(as(MINISTRY).get("/api/v1/institutions/" + wrongCheckDigit), 400)
                .body(not(containsString(wrongCheckDigit)))
                .body("errors[0].message", containsString("********" + wrongCheckDigit.substring(8)));
        assertProblem(as(MINISTRY).get("/api/v1/institutions/" + unknown + "/history"), 404)
                .body(not(containsString(unknown))).body("instance", containsString("********"));
        assertProblem(as(MINISTRY).queryParam("kato", iin).get("/api/v1/institutions"), 400)
                .body(not(containsString(iin)));
    }
}
