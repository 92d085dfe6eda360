package kz.nobd.registry.api;

import static kz.nobd.testing.Callers.as;
import static kz.nobd.registry.testing.Institutions.ABAI_CITY;
import static kz.nobd.testing.Problems.assertProblem;
import static kz.nobd.testing.Tokens.MINISTRY;
import static kz.nobd.testing.Tokens.OBLAST_ABAI;
import static kz.nobd.testing.Tokens.OBLAST_AKMOLA;
import static kz.nobd.testing.Tokens.OBLAST_AKTOBE;
import static kz.nobd.testing.Tokens.OBLAST_ALMATY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import kz.nobd.testing.Ids;
import kz.nobd.registry.testing.CsvImports;
import kz.nobd.registry.testing.Institutions;

/**
 * The architecture's own example: an institution of Abai (KATO 101010000, oblast 100000000) against the oblast
 * users of Akmola (11), Aktobe (15) and Almaty oblast (19). Abai's first digit is 1 like Akmola's and Aktobe's, so
 * a jurisdiction check on one digit, or on a prefix of the wrong length, shows up here.
 */
@QuarkusTest
class AbaiJurisdictionTest {
    private static String abai;
    private static String abaiNameRu;

    /** Once per class; not @BeforeAll, because RestAssured learns the test port only before each test. */
    @BeforeEach
    void anAbaiSchool() {
        if (abai == null) {
            abai = Institutions.createSchool(ABAI_CITY);
            abaiNameRu = as(MINISTRY).get("/api/v1/institutions/" + abai).path("nameRu");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {OBLAST_AKMOLA, OBLAST_AKTOBE, OBLAST_ALMATY})
    void otherOblastsGet404OnEverySingleResourceEndpoint(String oblast) {
        String path = "/api/v1/institutions/" + abai;
        Map<String, Object> edit = Institutions.body(abai, ABAI_CITY);
        edit.put("capacity", 1);
        assertHidden(as(oblast).get(path));
        assertHidden(as(oblast).get(path + "/history"));
        assertHidden(as(oblast).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(edit).put(path));
        assertHidden(as(oblast).contentType(ContentType.JSON)
                .body(Map.of("closedOn", "2024-06-30", "reason", "no pupils left")).post(path + "/closure"));
        assertHidden(as(oblast).contentType(ContentType.JSON).body(Map.of()).post(path + "/accounts"));
        as(MINISTRY).get(path).then().statusCode(200).header("ETag", "\"1\"").body("status", equalTo("OPEN"))
                .body("capacity", equalTo(600));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {OBLAST_AKMOLA, OBLAST_AKTOBE, OBLAST_ALMATY})
    void otherOblastsDoNotSeeItInAnyList(String oblast) {
        for (Map<String, String> query : List.of(Map.of("kato", "100000000"), Map.of("kato", ABAI_CITY),
                Map.of("q", abai), Map.of("kato", "100000000", "q", abai))) {
            as(oblast).queryParams(query).get("/api/v1/institutions").then().statusCode(200)
                    .body("total", equalTo(0)).body("items", empty());
        }
        as(oblast).queryParam("q", abaiNameRu).get("/api/v1/institutions").then().statusCode(200)
                .body("items.oblastKato", everyItem(not(equalTo("100000000"))))
                .body("items.bin", not(hasItem(abai)));
        as(oblast).queryParam("size", 500).get("/api/v1/institutions").then().statusCode(200)
                .body("items.oblastKato", everyItem(not(equalTo("100000000"))))
                .body("items.bin", not(hasItem(abai)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {OBLAST_AKMOLA, OBLAST_AKTOBE, OBLAST_ALMATY})
    void otherOblastsCannotRegisterInAbai(String oblast) {
        String bin = Ids.bin();
        assertProblem(Institutions.create(oblast, Institutions.body(bin, ABAI_CITY)), 403)
                .body("detail", containsString("KATO 100000000 is outside"));
        CsvImports.post(oblast, CsvImports.HEADER + CsvImports.row(bin, ABAI_CITY)).then().statusCode(200).body("created", equalTo(0)).body("rows[0].outcome", equalTo("REJECTED"));
        assertProblem(as(MINISTRY).get("/api/v1/institutions/" + bin), 404);
    }

    @Test
    void oblastAbaiSeesAndEditsItsOwn() {
        as(OBLAST_ABAI).get("/api/v1/institutions/" + abai).then().statusCode(200).body("bin", equalTo(abai));
        as(OBLAST_ABAI).get("/api/v1/institutions/" + abai + "/history").then().statusCode(200)
                .body("items[0].card.bin", equalTo(abai));
        as(OBLAST_ABAI).queryParam("kato", "100000000").queryParam("q", abai).get("/api/v1/institutions")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].bin", equalTo(abai));
        as(OBLAST_ABAI).queryParam("size", 500).get("/api/v1/institutions").then().statusCode(200)
                .body("items.oblastKato", everyItem(equalTo("100000000")));

        String created = Ids.bin();
        Institutions.create(OBLAST_ABAI, Institutions.body(created, ABAI_CITY)).then().statusCode(201)
                .body("oblastKato", equalTo("100000000"));
        Map<String, Object> edit = Institutions.body(created, ABAI_CITY);
        edit.put("capacity", 650);
        as(OBLAST_ABAI).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(edit)
                .put("/api/v1/institutions/" + created).then().statusCode(200).body("capacity", equalTo(650));
        assertProblem(as(OBLAST_AKMOLA).get("/api/v1/institutions/" + created), 404);
    }

    private static void assertHidden(Response response) {
        assertProblem(response, 404).body("detail", startsWith("no institution with BIN " + Ids.masked(abai)))
                .body("$", not(hasKey("nameRu"))).body("$", not(hasKey("items")));
        assertThat(response.asString()).doesNotContain(abaiNameRu, "100000000", ABAI_CITY);
    }
}
