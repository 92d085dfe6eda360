package kz.nobd.registry.api;

import static kz.nobd.testing.Callers.GARBAGE_TOKEN;
import static kz.nobd.testing.Callers.NO_TOKEN;
import static kz.nobd.testing.Callers.as;
import static kz.nobd.testing.Problems.assertProblem;
import static kz.nobd.testing.Tokens.MINISTRY;
import static kz.nobd.testing.Tokens.OBLAST_AKMOLA;
import static kz.nobd.testing.Tokens.OBLAST_ALMATY;
import static kz.nobd.testing.Tokens.REPORT_CONSUMER;
import static kz.nobd.testing.Tokens.SCHOOL_AKMOLA;
import static kz.nobd.testing.Tokens.SCHOOL_AKMOLA_BIN;
import static kz.nobd.testing.Tokens.SCHOOL_ALMATY;
import static kz.nobd.testing.Tokens.SCHOOL_ALMATY_BIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import kz.nobd.testing.Ids;
import kz.nobd.testing.Callers;
import kz.nobd.registry.testing.Institutions;

/**
 * Who may read what: territories, one card, the list, the history. The card read is school.akmola's own
 * institution (Akmola oblast), so every caller has a defined answer: its school, its oblast, the ministry and
 * report-consumer see it; oblast.almaty and school.almaty get the same 404 as for a BIN that was never registered.
 */
@QuarkusTest
class InstitutionReadAuthorizationTest {
    private static final String CARD = SCHOOL_AKMOLA_BIN;

    @BeforeEach
    void demoSchoolsExist() {
        Institutions.ensureDemoSchools();
    }

    /** Expected outcome per caller for one card of Akmola that school.akmola owns. */
    static Stream<Arguments> readOfAkmolaCard() {
        return Stream.of(arguments(NO_TOKEN, 401), arguments(GARBAGE_TOKEN, 401), arguments(MINISTRY, 200),
                arguments(OBLAST_AKMOLA, 200), arguments(OBLAST_ALMATY, 404), arguments(SCHOOL_AKMOLA, 200),
                arguments(SCHOOL_ALMATY, 404), arguments(REPORT_CONSUMER, 200));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("readOfAkmolaCard")
    void getOneCard(String caller, int status) {
        Response response = as(caller).get("/api/v1/institutions/" + CARD);
        if (status == 200) {
            response.then().statusCode(200).header("ETag", matchesPattern("\"\\d+\""))
                    .body("bin", equalTo(CARD)).body("oblastKato", equalTo("110000000"));
        } else if (status == 404) {
            assertLooksNeverRegistered(caller, response, "");
        } else {
            assertProblem(response, status).body("$", not(hasKey("nameRu")));
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("readOfAkmolaCard")
    void history(String caller, int status) {
        Response response = as(caller).get("/api/v1/institutions/" + CARD + "/history");
        if (status == 200) {
            response.then().statusCode(200).body("items", not(empty()))
                    .body("items.card.bin", everyItem(equalTo(CARD)))
                    .body("items[-1].version", equalTo(1));
        } else if (status == 404) {
            assertLooksNeverRegistered(caller, response, "/history");
        } else {
            assertProblem(response, status).body("$", not(hasKey("items")));
        }
    }

    /** Searching for school.akmola's BIN: how many rows each caller gets back. */
    static Stream<Arguments> searchForAkmolaCard() {
        return Stream.of(arguments(NO_TOKEN, 401, 0), arguments(GARBAGE_TOKEN, 401, 0), arguments(MINISTRY, 200, 1),
                arguments(OBLAST_AKMOLA, 200, 1), arguments(OBLAST_ALMATY, 200, 0), arguments(SCHOOL_AKMOLA, 200, 1),
                arguments(SCHOOL_ALMATY, 200, 0), arguments(REPORT_CONSUMER, 200, 1));
    }

    @ParameterizedTest(name = "{0} -> {1}, total {2}")
    @MethodSource("searchForAkmolaCard")
    void listSearchingOneBin(String caller, int status, int total) {
        Response response = as(caller).queryParam("q", CARD).get("/api/v1/institutions");
        if (status == 200) {
            response.then().statusCode(200).body("total", equalTo(total))
                    .body("items.bin", equalTo(total == 1 ? List.of(CARD) : List.of()));
        } else {
            assertProblem(response, status).body("$", not(hasKey("items")));
        }
    }

    /** Without any filter an oblast user gets only its oblast's rows, and never an empty list by accident. */
    @ParameterizedTest(name = "{0} sees only oblast {1}")
    @MethodSource
    void unfilteredListOfAnOblastUser(String caller, String oblastKato, String ownSchool) {
        as(caller).queryParam("size", 500).get("/api/v1/institutions").then().statusCode(200)
                .body("items.oblastKato", everyItem(equalTo(oblastKato)))
                .body("items.bin", hasItem(ownSchool));
    }

    static Stream<Arguments> unfilteredListOfAnOblastUser() {
        return Stream.of(arguments(OBLAST_AKMOLA, "110000000", SCHOOL_AKMOLA_BIN),
                arguments(OBLAST_ALMATY, "190000000", SCHOOL_ALMATY_BIN));
    }

    @ParameterizedTest(name = "{0} sees exactly {1}")
    @MethodSource
    void aSchoolListsOnlyItself(String caller, String ownBin, String otherBin, String otherOblast) {
        as(caller).get("/api/v1/institutions").then().statusCode(200)
                .body("total", equalTo(1)).body("items.bin", equalTo(List.of(ownBin)));
        as(caller).queryParam("q", otherBin).get("/api/v1/institutions").then().statusCode(200)
                .body("total", equalTo(0)).body("items", empty());
        as(caller).queryParam("kato", otherOblast).get("/api/v1/institutions").then().statusCode(200)
                .body("total", equalTo(0)).body("items", empty());
    }

    static Stream<Arguments> aSchoolListsOnlyItself() {
        return Stream.of(arguments(SCHOOL_AKMOLA, SCHOOL_AKMOLA_BIN, SCHOOL_ALMATY_BIN, "190000000"),
                arguments(SCHOOL_ALMATY, SCHOOL_ALMATY_BIN, SCHOOL_AKMOLA_BIN, "110000000"));
    }

    @ParameterizedTest(name = "{0} sees both oblasts")
    @MethodSource
    void ministryAndReportConsumerListTheWholeCountry(String caller) {
        as(caller).queryParam("q", "2105400000").get("/api/v1/institutions").then().statusCode(200)
                .body("items.bin", hasItems(SCHOOL_AKMOLA_BIN, SCHOOL_ALMATY_BIN));
    }

    static Stream<String> ministryAndReportConsumerListTheWholeCountry() {
        return Stream.of(MINISTRY, REPORT_CONSUMER);
    }

    /** Reference data is the same for every role; only anonymous callers are turned away. */
    static Stream<Arguments> territories() {
        return Stream.of(arguments(NO_TOKEN, 401), arguments(GARBAGE_TOKEN, 401), arguments(MINISTRY, 200),
                arguments(OBLAST_AKMOLA, 200), arguments(OBLAST_ALMATY, 200), arguments(SCHOOL_AKMOLA, 200),
                arguments(SCHOOL_ALMATY, 200), arguments(REPORT_CONSUMER, 200));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource
    void territories(String caller, int status) {
        Response response = as(caller).queryParam("level", "OBLAST").queryParam("size", 500).get("/api/v1/territories");
        if (status == 200) {
            response.then().statusCode(200).body("total", equalTo(20))
                    .body("items.kato", hasItems("100000000", "110000000", "150000000", "190000000", "710000000"))
                    .body("items.level", everyItem(equalTo("OBLAST")));
        } else {
            assertProblem(response, status).body("$", not(hasKey("items")));
        }
    }

    @Test
    void aTokenWhoseClaimsWereEditedIsRefused() {
        String abai = Institutions.createSchool(Institutions.ABAI_CITY);
        assertProblem(as(Callers.FORGED_TOKEN).get("/api/v1/institutions/" + abai), 401)
                .body("$", not(hasKey("nameRu")));
        assertProblem(as(Callers.FORGED_TOKEN).queryParam("q", abai).get("/api/v1/institutions"), 401);
    }

    /**
     * A 404 for a card outside the jurisdiction says nothing more than a 404 for a BIN nobody registered: no name,
     * no territory, the same wording.
     */
    private static void assertLooksNeverRegistered(String caller, Response response, String suffix) {
        Response card = as(MINISTRY).get("/api/v1/institutions/" + CARD);
        assertProblem(response, 404).body("$", not(hasKey("nameRu"))).body("$", not(hasKey("items")));
        assertThat(response.asString()).doesNotContain(card.path("nameRu").toString(),
                card.path("nameKk").toString(), card.path("kato").toString(), "110000000");
        String unknown = Ids.bin();
        Response never = as(caller).get("/api/v1/institutions/" + unknown + suffix);
        assertProblem(never, 404);
        assertThat(response.path("detail").toString().replace(Ids.masked(CARD), "<bin>"))
                .isEqualTo(never.path("detail").toString().replace(Ids.masked(unknown), "<bin>"));
        assertThat(response.path("title").toString()).isEqualTo(never.path("title").toString());
    }
}
