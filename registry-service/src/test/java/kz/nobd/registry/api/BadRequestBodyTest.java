package kz.nobd.registry.api;

import static kz.nobd.testing.Callers.as;
import static kz.nobd.registry.testing.Institutions.AKMOLA_VILLAGE;
import static kz.nobd.testing.Problems.assertInvalid;
import static kz.nobd.testing.Problems.assertProblem;
import static kz.nobd.testing.Tokens.MINISTRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.containsStringIgnoringCase;
import static org.hamcrest.Matchers.hasItem;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import kz.nobd.testing.Ids;
import kz.nobd.registry.testing.Institutions;
import kz.nobd.testing.Tokens;

/**
 * Bodies that are not an institution card at all: broken JSON, the wrong JSON shape, nothing, too much, or not
 * JSON. Each is a problem+json that says what was expected, and the card it carried is not stored.
 */
@QuarkusTest
class BadRequestBodyTest {
    private static final int JSON_LIMIT = 262_144;

    @TestHTTPResource("/api/v1/institutions")
    URI institutions;

    @Test
    void truncatedJson() {
        String bin = Ids.bin();
        String truncated = "{\"bin\":\"" + bin + "\",\"nameKk\":\"Мектеп\",\"nameRu\":\"Шко";

        Response response = post(ContentType.JSON.toString(), truncated);

        assertInvalid(response, "body", "not well-formed JSON");
        assertNotStored(bin);
    }

    @Test
    void jsonArrayInsteadOfOneCard() {
        String bin = Ids.bin();
        String array = "[" + json(Institutions.body(bin, AKMOLA_VILLAGE)) + "]";

        Response response = post(ContentType.JSON.toString(), array);

        assertInvalid(response, "body").body("errors.message", hasItem(containsStringIgnoringCase("JSON object")));
        assertNotStored(bin);
    }

    @Test
    void languagesAsOneStringInsteadOfAList() {
        String bin = Ids.bin();
        Map<String, Object> card = Institutions.body(bin, AKMOLA_VILLAGE);
        card.put("languages", "KK;RU");

        Response response = post(ContentType.JSON.toString(), json(card));

        assertInvalid(response, "languages")
                .body("errors.message", hasItem(anyOf(containsString("array"), containsString("list"))));
        assertNotStored(bin);
    }

    @Test
    void misspelledFieldIsNamedInsteadOfSilentlyDropped() {
        String bin = Ids.bin();
        Map<String, Object> card = Institutions.body(bin, AKMOLA_VILLAGE);
        card.put("shift", 2);

        assertInvalid(post(ContentType.JSON.toString(), json(card)), "shift", "unknown field 'shift'", "shifts");
        assertNotStored(bin);
    }

    @Test
    void emptyBody() {
        assertInvalid(post(ContentType.JSON.toString(), ""), "body", "a JSON institution card is required");
    }

    @Test
    void bodyOverTheJsonLimitIsRefusedWith413() {
        String bin = Ids.bin();
        Map<String, Object> card = Institutions.body(bin, AKMOLA_VILLAGE);
        card.put("address", "ул. Абая, 1 ".repeat(JSON_LIMIT / 10));

        Response response = post(ContentType.JSON.toString(), json(card));

        assertProblem(response, 413).body("detail", containsString("at most " + JSON_LIMIT));
        assertNotStored(bin);
    }

    /** The limit holds for a body sent without Content-Length (chunked), as any streaming client sends it. */
    @Test
    void chunkedBodyOverTheJsonLimitIsRefusedWith413() throws Exception {
        String bin = Ids.bin();
        Map<String, Object> card = Institutions.body(bin, AKMOLA_VILLAGE);
        card.put("address", "ул. Абая, 1 ".repeat(JSON_LIMIT / 10));
        byte[] bytes = json(card).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(institutions)
                .header("Authorization", Tokens.bearer(MINISTRY)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))).build();

        HttpResponse<String> response = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build()
                .send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(413);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(response.body()).contains("at most " + JSON_LIMIT);
        assertNotStored(bin);
    }

    @Test
    void plainTextIsRefusedWith415NamingTheAcceptedType() {
        String bin = Ids.bin();

        Response response = post("text/plain", json(Institutions.body(bin, AKMOLA_VILLAGE)));

        assertProblem(response, 415).body("detail", containsString("application/json"));
        assertNotStored(bin);
    }

    @Test
    void csvSentToTheCardEndpointIsRefusedWith415() {
        String bin = Ids.bin();
        String csv = "bin,nameKk,nameRu,type,ownership,kato,languages,openedOn\n"
                + bin + ",Мектеп,Школа,SCHOOL,STATE," + AKMOLA_VILLAGE + ",KK,2001-09-01\n";

        assertProblem(post("text/csv", csv), 415).body("detail", containsString("application/json"));
        assertNotStored(bin);
    }

    private static Response post(String contentType, String body) {
        return as(MINISTRY).contentType(contentType).body(body.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/institutions");
    }

    private static void assertNotStored(String bin) {
        assertProblem(as(MINISTRY).get("/api/v1/institutions/" + bin), 404);
    }

    private static String json(Object value) {
        try {
            return new ObjectMapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
