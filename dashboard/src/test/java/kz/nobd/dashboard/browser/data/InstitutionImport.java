package kz.nobd.dashboard.browser.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.response.Response;
import kz.nobd.testing.Tokens;

/** Institutions registered through registry-service's CSV import (as the ministry), waited for until the job is done. */
public final class InstitutionImport {
    private InstitutionImport() {
    }

    /** imports {@code header} and {@code rows}; every row must be created, updated or unchanged (none rejected) */
    public static void run(String header, List<String> rows) {
        String csv = header + "\r\n" + String.join("\r\n", rows) + "\r\n";
        Response response = ApiCalls.as(Tokens.MINISTRY).contentType("text/csv; charset=UTF-8")
                .body(csv.getBytes(StandardCharsets.UTF_8))
                .post(ApiCalls.url("registry") + "/api/v1/institutions/import");
        assertThat(response.statusCode()).as("import: %s", response.asString()).isEqualTo(202);
        String job = response.header("Location").replaceFirst("^https?://[^/]+", "").replaceFirst("^/api/v1", "");
        JsonNode done = await("import job " + job).atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500))
                .until(() -> ApiCalls.get("registry", Tokens.MINISTRY, job, Map.of()),
                        j -> List.of("DONE", "FAILED").contains(j.path("status").asText()));
        assertThat(done.path("status").asText()).as("import job %s", done).isEqualTo("DONE");
        assertThat(done.path("rejected").asInt()).as("rejected rows: %s", done.path("rows")).isZero();
    }
}
