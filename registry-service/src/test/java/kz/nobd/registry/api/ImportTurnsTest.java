package kz.nobd.registry.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;


import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import kz.nobd.registry.service.ImportTurns;
import kz.nobd.testing.HeldTurns;
import kz.nobd.testing.Tokens;

/**
 * While as many CSV imports run as allowed (2, held here by the test), another import waits a second and gets 503
 * problem+json with Retry-After, nothing imported; once a turn is free the same file is imported.
 */
@QuarkusTest
class ImportTurnsTest {
    static final String HEADER = "bin,nameKk,nameRu,type,ownership,kato,locality,languages,capacity,openedOn";

    @Inject
    ImportTurns turns;

    @Test
    void anImportBeyondTheBoundIsRefusedWithRetryAfter() throws Exception {
        String bin = kz.nobd.testing.Ids.bin();
        String csv = HEADER + "\n" + String.join(",", bin, "№1 мектеп", "Школа №1", "SCHOOL", "STATE", "111033100",
                "RURAL", "KK;RU", "300", "2005-09-01") + "\n";
        try (HeldTurns held = HeldTurns.take(2, turns::inTurn)) {
            Response busy = importCsv(csv);
            assertThat(busy.statusCode()).isEqualTo(503);
            assertThat(busy.contentType()).startsWith("application/problem+json");
            assertThat(busy.header("Retry-After")).isEqualTo("5");
            assertThat(busy.jsonPath().getString("detail")).contains("CSV imports").contains("later");
            given().header("Authorization", Tokens.bearer(Tokens.MINISTRY)).get("/api/v1/institutions/" + bin).then()
                    .statusCode(404);
        }
        assertThat(importCsv(csv).statusCode()).isEqualTo(200);
        given().header("Authorization", Tokens.bearer(Tokens.MINISTRY)).get("/api/v1/institutions/" + bin).then()
                .statusCode(200);
    }

    private static Response importCsv(String csv) {
        return given().header("Authorization", Tokens.bearer(Tokens.MINISTRY)).contentType("text/csv; charset=UTF-8")
                .body(csv).post("/api/v1/institutions/import");
    }
}
