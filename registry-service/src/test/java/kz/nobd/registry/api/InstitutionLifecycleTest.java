package kz.nobd.registry.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import kz.nobd.testing.Ids;
import kz.nobd.registry.testing.Institutions;
import kz.nobd.testing.Tokens;

@QuarkusTest
class InstitutionLifecycleTest {

    @Test
    void createDerivesOblastDistrictAndLocalityFromKato() {
        String bin = Ids.bin();
        Institutions.create(Tokens.MINISTRY, Institutions.body(bin, Institutions.AKMOLA_VILLAGE))
                .then().statusCode(201)
                .header("Location", org.hamcrest.Matchers.endsWith("/api/v1/institutions/" + bin))
                .header("ETag", "\"1\"")
                .body("bin", equalTo(bin))
                .body("oblastKato", equalTo("110000000"))
                .body("districtKato", equalTo("111000000"))
                .body("locality", equalTo("RURAL"))
                .body("status", equalTo("OPEN"))
                .body("version", equalTo(1))
                .body("validFrom", equalTo("2001-09-01"))
                .body("languages", equalTo(java.util.List.of("KK", "RU")));
    }

    @Test
    void inTheCitiesTheCityDistrictPlaysTheDistrictsPart() {
        String bin = Ids.bin();
        Institutions.create(Tokens.MINISTRY, Institutions.body(bin, "711110000"))
                .then().statusCode(201)
                .body("oblastKato", equalTo("710000000"))
                .body("districtKato", equalTo("711110000"))
                .body("locality", equalTo("URBAN"));
    }

    @Test
    void nearestExistingAncestorIsTheDistrictWhenTheZeroedParentIsMissing() {
        String bin = Ids.bin();
        // 113820100 (г.Атбасар) has no row at 113820000: it sits directly under district 113800000
        Institutions.create(Tokens.MINISTRY, Institutions.body(bin, "113820100"))
                .then().statusCode(201)
                .body("districtKato", equalTo("113800000"))
                .body("locality", equalTo("URBAN"));
    }

    @Test
    void replaceNeedsIfMatchAndRejectsAStaleOne() {
        String bin = Institutions.createSchool(Institutions.AKMOLA_VILLAGE);
        Map<String, Object> body = Institutions.body(bin, Institutions.AKMOLA_VILLAGE);
        body.put("nameRu", "Школа-гимназия");

        put(bin, null, body).then().statusCode(428).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("If-Match is required"));
        put(bin, "\"7\"", body).then().statusCode(412).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString("the card is at version 1"));
        Response ok = put(bin, "\"1\"", body);
        ok.then().statusCode(200).header("ETag", "\"2\"").body("nameRu", equalTo("Школа-гимназия"))
                .body("version", equalTo(2))
                .body("validFrom", equalTo(LocalDate.now(ZoneId.of("Asia/Almaty")).toString()));
        put(bin, "\"1\"", body).then().statusCode(412);
        // the same content again changes nothing and writes no version
        put(bin, "\"2\"", body).then().statusCode(200).body("version", equalTo(2));
    }

    @Test
    void theCardAsReadCanBeEditedAndSentBack() {
        String bin = Institutions.createSchool(Institutions.AKMOLA_VILLAGE);
        Map<String, Object> card = given().header("Authorization", Tokens.bearer(Tokens.MINISTRY))
                .get("/api/v1/institutions/" + bin).jsonPath().getMap("");
        card.put("capacity", 640);
        put(bin, "\"1\"", card).then().statusCode(200).body("capacity", equalTo(640)).body("version", equalTo(2));
    }

    @Test
    void closureAndMergeWithSuccessor() {
        String successor = Institutions.createSchool(Institutions.AKMOLA_VILLAGE);
        String merged = Institutions.createSchool(Institutions.AKMOLA_VILLAGE);
        given().header("Authorization", Tokens.bearer(Tokens.OBLAST_AKMOLA)).contentType(ContentType.JSON)
                .body(Map.of("closedOn", "2024-06-30", "reason", "merged into a larger school", "successorBin", successor))
                .post("/api/v1/institutions/" + merged + "/closure")
                .then().statusCode(200)
                .body("status", equalTo("MERGED")).body("successorBin", equalTo(successor))
                .body("closedOn", equalTo("2024-06-30")).body("validFrom", equalTo("2024-06-30"))
                .body("version", equalTo(2));
        given().header("Authorization", Tokens.bearer(Tokens.MINISTRY)).contentType(ContentType.JSON)
                .body(Map.of("closedOn", "2024-07-01", "reason", "again"))
                .post("/api/v1/institutions/" + merged + "/closure")
                .then().statusCode(409).body("detail", org.hamcrest.Matchers.containsString("already MERGED"));

        String closed = Institutions.createSchool(Institutions.AKMOLA_VILLAGE);
        given().header("Authorization", Tokens.bearer(Tokens.MINISTRY)).contentType(ContentType.JSON)
                .body(Map.of("closedOn", "2023-05-31", "reason", "no pupils left"))
                .post("/api/v1/institutions/" + closed + "/closure")
                .then().statusCode(200).body("status", equalTo("CLOSED")).body("successorBin", nullValue());
    }

    @Test
    void historyListsEveryVersionNewestFirstWithWhoAndWhen() {
        String bin = Institutions.createSchool(Institutions.AKMOLA_VILLAGE);
        Map<String, Object> body = Institutions.body(bin, Institutions.AKMOLA_VILLAGE);
        body.put("capacity", 700);
        body.put("effectiveFrom", "2020-01-15");
        given().header("Authorization", Tokens.bearer(Tokens.OBLAST_AKMOLA)).header("If-Match", "\"1\"")
                .contentType(ContentType.JSON).body(body).put("/api/v1/institutions/" + bin)
                .then().statusCode(200).body("validFrom", equalTo("2020-01-15"));

        Response history = given().header("Authorization", Tokens.bearer(Tokens.MINISTRY))
                .get("/api/v1/institutions/" + bin + "/history");
        history.then().statusCode(200).body("total", equalTo(2)).body("items", hasSize(2))
                .body("items[0].version", equalTo(2)).body("items[0].changedBy", equalTo("oblast.akmola"))
                .body("items[0].changedByRole", equalTo("oblast")).body("items[0].changeKind", equalTo("UPDATED"))
                .body("items[0].card.capacity", equalTo(700))
                .body("items[1].version", equalTo(1)).body("items[1].changedBy", equalTo("ministry"))
                .body("items[1].card.capacity", equalTo(600));
        assertThat(history.jsonPath().getString("items[0].changedAt")).isNotBlank();
    }

    @Test
    void searchFiltersByTerritoryTypeAndName() {
        String bin = Institutions.createSchool("191037100");
        given().header("Authorization", Tokens.bearer(Tokens.MINISTRY))
                .queryParam("kato", "191037000").queryParam("q", bin.substring(0, 12)).get("/api/v1/institutions")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].bin", equalTo(bin))
                .body("page", equalTo(0)).body("size", equalTo(50));
        given().header("Authorization", Tokens.bearer(Tokens.MINISTRY))
                .queryParam("kato", "110000000").queryParam("q", bin).get("/api/v1/institutions")
                .then().statusCode(200).body("total", equalTo(0));
        given().header("Authorization", Tokens.bearer(Tokens.MINISTRY))
                .queryParam("q", "школа №" + bin.substring(8)).queryParam("kato", "190000000")
                .get("/api/v1/institutions")
                .then().statusCode(200).body("items.bin", org.hamcrest.Matchers.hasItem(bin));
    }

    @Test
    void listAsCsvWithHeaderRowAndTotals() {
        String bin = Institutions.createSchool(Institutions.ABAI_CITY);
        Response csv = given().header("Authorization", Tokens.bearer(Tokens.OBLAST_ABAI)).accept("text/csv")
                .queryParam("q", bin).get("/api/v1/institutions");
        csv.then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv"))
                .header("X-Total-Count", "1");
        assertThat(csv.asString()).endsWith("\r\n").doesNotContain("\r\r");
        String[] lines = csv.asString().split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("bin,nameKk,nameRu,type,ownership,kato,oblastKato,districtKato,locality,languages");
        assertThat(lines[1]).startsWith(bin + ",").contains(",SCHOOL,STATE,101010000,100000000,").contains("KK;RU");
    }

    @Test
    void csvCellsThatWouldRunAsSpreadsheetFormulasAreNeutralisedOnTheWayOut() {
        String bin = Ids.bin();
        Map<String, Object> body = Institutions.body(bin, Institutions.ABAI_CITY);
        body.put("nameKk", "=cmd|' /C calc'!A0");
        body.put("nameRu", "@SUM(1+1)*cmd|' /C calc'!A0");
        body.put("phone", "+7 722 000 00 00");
        Institutions.create(Tokens.MINISTRY, body).then().statusCode(201);

        Response csv = given().header("Authorization", Tokens.bearer(Tokens.OBLAST_ABAI)).accept("text/csv")
                .queryParam("q", bin).get("/api/v1/institutions");
        String row = csv.then().statusCode(200).extract().asString().split("\n")[1];
        assertThat(row).startsWith(bin + ",").contains("'=cmd|' /C calc'!A0", "'@SUM(1+1)*cmd|' /C calc'!A0",
                "'+7 722 000 00 00").doesNotContain(",=", ",\"=", ",@", ",\"@", ",+", ",\"+");
        // stored as given: only the export is neutralised
        given().header("Authorization", Tokens.bearer(Tokens.MINISTRY)).get("/api/v1/institutions/" + bin).then()
                .statusCode(200).body("nameKk", equalTo("=cmd|' /C calc'!A0"));
    }

    private static Response put(String bin, String ifMatch, Map<String, Object> body) {
        var request = given().header("Authorization", Tokens.bearer(Tokens.MINISTRY)).contentType(ContentType.JSON).body(body);
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return request.put("/api/v1/institutions/" + bin);
    }
}
