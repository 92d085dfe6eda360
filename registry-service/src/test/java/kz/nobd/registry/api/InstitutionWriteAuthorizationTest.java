package kz.nobd.registry.api;

import static kz.nobd.testing.Callers.GARBAGE_TOKEN;
import static kz.nobd.testing.Callers.NO_TOKEN;
import static kz.nobd.testing.Callers.as;
import static kz.nobd.registry.testing.Institutions.AKMOLA_VILLAGE;
import static kz.nobd.registry.testing.Institutions.ALMATY_OBLAST_VILLAGE;
import static kz.nobd.testing.Problems.assertProblem;
import static kz.nobd.testing.Tokens.MINISTRY;
import static kz.nobd.testing.Tokens.OBLAST_AKMOLA;
import static kz.nobd.testing.Tokens.OBLAST_ALMATY;
import static kz.nobd.testing.Tokens.REPORT_CONSUMER;
import static kz.nobd.testing.Tokens.SCHOOL_AKMOLA;
import static kz.nobd.testing.Tokens.SCHOOL_AKMOLA_BIN;
import static kz.nobd.testing.Tokens.SCHOOL_ALMATY;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import kz.nobd.testing.Ids;
import kz.nobd.registry.testing.CsvImports;
import kz.nobd.registry.testing.Institutions;

/**
 * Who may write: create, replace, close, import and provision accounts, always on an institution of Akmola.
 * Every refused write is checked to have stored nothing (the ministry still reads version 1, or a 404).
 */
@QuarkusTest
class InstitutionWriteAuthorizationTest {
    private static final String ROLE_REFUSED = "your role may not do this";

    @BeforeEach
    void demoSchoolsExist() {
        Institutions.ensureDemoSchools();
    }

    /** Outcome per caller of a write on an Akmola institution; 201/200 where the caller may write. */
    static Stream<Arguments> writeOnAkmola() {
        return Stream.of(arguments(NO_TOKEN, 401), arguments(GARBAGE_TOKEN, 401), arguments(MINISTRY, 200),
                arguments(OBLAST_AKMOLA, 200), arguments(OBLAST_ALMATY, 404), arguments(SCHOOL_AKMOLA, 403),
                arguments(SCHOOL_ALMATY, 403), arguments(REPORT_CONSUMER, 403));
    }

    /** Creating is not a read of an existing card: another oblast is told 403, not 404. */
    static Stream<Arguments> createInAkmola() {
        return Stream.of(arguments(NO_TOKEN, 401), arguments(GARBAGE_TOKEN, 401), arguments(MINISTRY, 201),
                arguments(OBLAST_AKMOLA, 201), arguments(OBLAST_ALMATY, 403), arguments(SCHOOL_AKMOLA, 403),
                arguments(SCHOOL_ALMATY, 403), arguments(REPORT_CONSUMER, 403));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("createInAkmola")
    void create(String caller, int status) {
        String bin = Ids.bin();
        Response response = as(caller).contentType(ContentType.JSON).body(Institutions.body(bin, AKMOLA_VILLAGE))
                .post("/api/v1/institutions");
        if (status == 201) {
            response.then().statusCode(201).header("Location", endsWith("/api/v1/institutions/" + bin))
                    .header("ETag", "\"1\"").body("bin", equalTo(bin)).body("oblastKato", equalTo("110000000"));
            as(MINISTRY).get("/api/v1/institutions/" + bin + "/history").then().statusCode(200)
                    .body("items[0].changedBy", equalTo(caller)).body("items[0].changeKind", equalTo("CREATED"));
            return;
        }
        assertRefused(response, status, caller).body("$", not(hasKey("bin")));
        if (caller.equals(OBLAST_ALMATY)) {
            response.then().body("detail", containsString("only in your own oblast"));
        }
        assertProblem(as(MINISTRY).get("/api/v1/institutions/" + bin), 404);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("writeOnAkmola")
    void replace(String caller, int status) {
        String bin = Institutions.createSchool(AKMOLA_VILLAGE);
        Map<String, Object> body = Institutions.body(bin, AKMOLA_VILLAGE);
        body.put("nameRu", "Школа-лицей " + bin);
        Response response = as(caller).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(body)
                .put("/api/v1/institutions/" + bin);
        if (status == 200) {
            response.then().statusCode(200).header("ETag", "\"2\"").body("version", equalTo(2))
                    .body("nameRu", equalTo("Школа-лицей " + bin));
            return;
        }
        assertRefused(response, status, caller).body("$", not(hasKey("nameRu")));
        assertUntouched(bin);
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("writeOnAkmola")
    void close(String caller, int status) {
        String bin = Institutions.createSchool(AKMOLA_VILLAGE);
        Response response = as(caller).contentType(ContentType.JSON)
                .body(Map.of("closedOn", "2024-06-30", "reason", "no pupils left")).post("/api/v1/institutions/" + bin + "/closure");
        if (status == 200) {
            response.then().statusCode(200).body("status", equalTo("CLOSED")).body("version", equalTo(2));
            return;
        }
        assertRefused(response, status, caller).body("$", not(hasKey("closedOn")));
        assertUntouched(bin);
    }

    /** The import answers per row: another oblast's rows are rejected one by one, not the request as a whole. */
    static Stream<Arguments> importOfAkmolaRow() {
        return Stream.of(arguments(NO_TOKEN, 401, null), arguments(GARBAGE_TOKEN, 401, null),
                arguments(MINISTRY, 200, "CREATED"), arguments(OBLAST_AKMOLA, 200, "CREATED"),
                arguments(OBLAST_ALMATY, 200, "REJECTED"), arguments(SCHOOL_AKMOLA, 403, null),
                arguments(SCHOOL_ALMATY, 403, null), arguments(REPORT_CONSUMER, 403, null));
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @MethodSource("importOfAkmolaRow")
    void importCsv(String caller, int status, String outcome) {
        String bin = Ids.bin();
        Response response = CsvImports.post(caller, CsvImports.HEADER + CsvImports.row(bin, AKMOLA_VILLAGE));
        if ("CREATED".equals(outcome)) {
            response.then().statusCode(200).body("received", equalTo(1)).body("created", equalTo(1))
                    .body("rows[0].bin", equalTo(bin)).body("rows[0].outcome", equalTo("CREATED"));
            as(MINISTRY).get("/api/v1/institutions/" + bin).then().statusCode(200).body("nameRu", equalTo("Школа " + bin));
            return;
        }
        if ("REJECTED".equals(outcome)) {
            response.then().statusCode(200).body("received", equalTo(1)).body("created", equalTo(0))
                    .body("rejected", equalTo(1)).body("rows[0].bin", equalTo(bin))
                    .body("rows[0].outcome", equalTo("REJECTED")).body("rows[0].errors[0].field", equalTo("kato"))
                    .body("rows[0].errors[0].message", containsString("outside your oblast"));
        } else {
            assertRefused(response, status, caller).body("$", not(hasKey("rows")));
        }
        assertProblem(as(MINISTRY).get("/api/v1/institutions/" + bin), 404);
    }

    /** Only refusals here: the accounts' happy path writes to Keycloak and has its own suite. */
    static Stream<Arguments> accountForAkmolaSchool() {
        return Stream.of(arguments(NO_TOKEN, 401), arguments(GARBAGE_TOKEN, 401), arguments(OBLAST_ALMATY, 404),
                arguments(SCHOOL_AKMOLA, 403), arguments(SCHOOL_ALMATY, 403), arguments(REPORT_CONSUMER, 403));
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @MethodSource("accountForAkmolaSchool")
    void accountRefused(String caller, int status) {
        Response response = as(caller).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/institutions/" + SCHOOL_AKMOLA_BIN + "/accounts");
        assertRefused(response, status, caller).body("$", not(hasKey("temporaryPassword")))
                .body("$", not(hasKey("username")));
    }

    @Test
    void ministryProvisionsAnAccountOnce() {
        String bin = Institutions.createSchool(AKMOLA_VILLAGE);
        as(MINISTRY).contentType(ContentType.JSON).body(Map.of()).post("/api/v1/institutions/" + bin + "/accounts")
                .then().statusCode(201).header("Cache-Control", containsString("no-store"))
                .header("Location", endsWith("/accounts/school-" + bin))
                .body("username", equalTo("school-" + bin))
                .body("temporaryPassword", matchesPattern("[A-Za-z0-9]{16}"));
        assertProblem(as(MINISTRY).contentType(ContentType.JSON).body(Map.of())
                .post("/api/v1/institutions/" + bin + "/accounts"), 409)
                .body("$", not(hasKey("temporaryPassword")));
    }

    @Test
    void onlyTheMinistryMovesAnInstitutionToAnotherOblast() {
        String bin = Institutions.createSchool(AKMOLA_VILLAGE);
        Map<String, Object> moved = Institutions.body(bin, ALMATY_OBLAST_VILLAGE);
        assertProblem(put(OBLAST_AKMOLA, bin, moved), 403)
                .body("detail", containsString("only the ministry moves an institution to another oblast"));
        assertUntouched(bin);

        put(MINISTRY, bin, moved).then().statusCode(200).body("oblastKato", equalTo("190000000"))
                .body("version", equalTo(2));
        assertProblem(as(OBLAST_AKMOLA).get("/api/v1/institutions/" + bin), 404);
        as(OBLAST_ALMATY).get("/api/v1/institutions/" + bin).then().statusCode(200).body("kato", equalTo(ALMATY_OBLAST_VILLAGE));
    }

    @Test
    void anotherOblastCannotTakeAnInstitutionOverThroughTheImport() {
        String bin = Institutions.createSchool(AKMOLA_VILLAGE);
        CsvImports.post(OBLAST_ALMATY, CsvImports.HEADER + CsvImports.row(bin, ALMATY_OBLAST_VILLAGE)).then().statusCode(200).body("rejected", equalTo(1)).body("rows[0].outcome", equalTo("REJECTED"))
                .body("rows[0].errors[0].field", equalTo("bin"));
        assertUntouched(bin);
    }

    private static Response put(String caller, String bin, Map<String, Object> body) {
        return as(caller).header("If-Match", "\"1\"").contentType(ContentType.JSON).body(body)
                .put("/api/v1/institutions/" + bin);
    }

    private static ValidatableResponse assertRefused(Response response, int status,
            String caller) {
        var then = assertProblem(response, status);
        if (status == 403 && !caller.startsWith("oblast")) {
            then.body("detail", containsString(ROLE_REFUSED));
        }
        if (status == 404) {
            then.body("detail", containsString("no institution with BIN"));
        }
        return then;
    }

    /** The card as created by {@link Institutions#createSchool}: still version 1, OPEN, in Akmola. */
    private static void assertUntouched(String bin) {
        as(MINISTRY).get("/api/v1/institutions/" + bin).then().statusCode(200).header("ETag", "\"1\"")
                .body("version", equalTo(1)).body("status", equalTo("OPEN")).body("oblastKato", equalTo("110000000"))
                .body("nameRu", equalTo(Institutions.body(bin, AKMOLA_VILLAGE).get("nameRu")));
        as(MINISTRY).get("/api/v1/institutions/" + bin + "/history").then().statusCode(200).body("total", equalTo(1));
    }
}
