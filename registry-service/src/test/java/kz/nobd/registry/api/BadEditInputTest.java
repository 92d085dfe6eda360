package kz.nobd.registry.api;

import static kz.nobd.testing.Callers.as;
import static kz.nobd.registry.testing.Institutions.AKMOLA_VILLAGE;
import static kz.nobd.testing.Problems.assertInvalid;
import static kz.nobd.testing.Problems.assertProblem;
import static kz.nobd.testing.Tokens.MINISTRY;
import static kz.nobd.testing.Tokens.OBLAST_AKMOLA;
import static kz.nobd.testing.Tokens.SCHOOL_AKMOLA_BIN;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import kz.nobd.testing.Ids;
import kz.nobd.registry.testing.Institutions;

/**
 * Wrong edits, closures and queries: 400 naming the field or parameter with what is allowed, and the card
 * stays at version 1, OPEN, with one history entry.
 */
@QuarkusTest
class BadEditInputTest {

    /** A mistake: given the BIN of a fresh Akmola card (opened 2001-09-01, version 1), oblast.akmola sends one request. */
    static Stream<Arguments> badEdits() {
        return Stream.of(
                bad("PUT changing the BIN in the body", bin -> put(bin, "\"1\"", Map.of("bin", Ids.bin())),
                        "bin", "bin cannot be changed"),
                bad("PUT with If-Match abc", bin -> put(bin, "abc", Map.of("capacity", 700)), "If-Match",
                        "must be the card's ETag, e.g. \"3\"", "'abc'"),
                bad("PUT effective before the current version", bin -> put(bin, "\"1\"", Map.of("effectiveFrom", "2000-01-01")),
                        "effectiveFrom", "on or after 2001-09-01"),
                bad("PUT effectiveFrom 15.01.2020", bin -> put(bin, "\"1\"", Map.of("effectiveFrom", "15.01.2020")),
                        "effectiveFrom", "YYYY-MM-DD"),
                bad("PUT with capacity -5", bin -> put(bin, "\"1\"", Map.of("capacity", -5)), "capacity", "1..20000"),
                bad("closure before the card's opening", bin -> close(bin, Map.of("closedOn", "2000-06-30", "reason", "merged")),
                        "closedOn", "on or after 2001-09-01"),
                bad("closure with itself as successor",
                        bin -> close(bin, Map.of("closedOn", "2024-06-30", "reason", "merged", "successorBin", bin)),
                        "successorBin", "must be another institution"),
                bad("closure with a successor whose check digit is wrong",
                        bin -> close(bin, Map.of("closedOn", "2024-06-30", "reason", "merged",
                                "successorBin", Ids.withWrongCheckDigit(Ids.bin()))),
                        "successorBin", "wrong check digit"),
                bad("closure with a successor nobody registered",
                        bin -> close(bin, Map.of("closedOn", "2024-06-30", "reason", "merged", "successorBin", Ids.bin())),
                        "successorBin", "no institution with BIN"),
                bad("closure without a reason", bin -> close(bin, Map.of("closedOn", "2024-06-30")), "reason",
                        "reason is required, 1..500 characters"),
                bad("closure on 30.06.2024", bin -> close(bin, Map.of("closedOn", "30.06.2024", "reason", "x")),
                        "closedOn", "YYYY-MM-DD"),
                bad("closure without a body", bin -> as(OBLAST_AKMOLA).contentType(ContentType.JSON)
                        .post("/api/v1/institutions/" + bin + "/closure"), "body", "closedOn, reason"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badEdits")
    void refusedAndCardUnchanged(Function<String, Response> mistake, String field, String[] fragments) {
        String bin = Institutions.createSchool(AKMOLA_VILLAGE);

        assertInvalid(mistake.apply(bin), field, fragments);

        as(MINISTRY).get("/api/v1/institutions/" + bin).then().statusCode(200).header("ETag", "\"1\"")
                .body("status", equalTo("OPEN")).body("capacity", equalTo(600)).body("bin", equalTo(bin));
        as(MINISTRY).get("/api/v1/institutions/" + bin + "/history").then().statusCode(200).body("total", equalTo(1));
    }

    /** Reads with a bad parameter: 400 naming it, never a silently ignored filter or a 500. */
    static Stream<Arguments> badQueries() {
        return Stream.of(
                query("/api/v1/institutions", "size=1000", "size", "size must be 1..500, was 1000"),
                query("/api/v1/institutions", "size=0", "size", "size must be 1..500"),
                query("/api/v1/institutions", "size=abc", "size", "whole number", "'abc'"),
                query("/api/v1/institutions", "page=-1", "page", "page must be 0.."),
                query("/api/v1/institutions", "type=FOO", "type", "type must be one of PRESCHOOL, SCHOOL", "'FOO'"),
                query("/api/v1/institutions", "type=school", "type", "type must be one of PRESCHOOL, SCHOOL"),
                query("/api/v1/institutions", "status=ACTIVE", "status", "one of OPEN, CLOSED, MERGED"),
                query("/api/v1/institutions", "locality=CITY", "locality", "one of URBAN, RURAL"),
                query("/api/v1/institutions", "kato=11", "kato", "9-digit KATO code"),
                query("/api/v1/institutions", "kato=119999999", "kato", "does not exist in the KATO classifier"),
                query("/api/v1/institutions/" + SCHOOL_AKMOLA_BIN + "/history", "size=501", "size", "1..500"),
                query("/api/v1/institutions/21054000001", "", "bin", "exactly 12 digits"),
                query("/api/v1/territories", "level=REGION", "level", "one of OBLAST, DISTRICT"),
                query("/api/v1/territories", "parent=Akmola", "parent", "9-digit KATO code"));
    }

    @ParameterizedTest(name = "{0}?{1}")
    @MethodSource("badQueries")
    void badQueryParameter(String path, String query, String field, String[] fragments) {
        Map<String, String> params = new HashMap<>();
        if (!query.isEmpty()) {
            params.put(query.substring(0, query.indexOf('=')), query.substring(query.indexOf('=') + 1));
        }
        assertInvalid(as(MINISTRY).queryParams(params).get(path), field, fragments);
    }

    @Test
    void twoBadPagingParametersAreBothNamed() {
        Response response = as(MINISTRY).queryParam("page", "-1").queryParam("size", "abc").get("/api/v1/institutions");

        assertProblem(response, 400).body("errors.field", containsInAnyOrder("page", "size"));
    }

    private static Arguments bad(String name, Function<String, Response> mistake, String field, String... fragments) {
        return arguments(named(name, mistake), field, fragments);
    }

    private static Arguments query(String path, String query, String field, String... fragments) {
        return arguments(path, query, field, fragments);
    }

    /** PUT of the card as created, with {@code changes} applied. */
    private static Response put(String bin, String ifMatch, Map<String, Object> changes) {
        Map<String, Object> body = Institutions.body(bin, AKMOLA_VILLAGE);
        body.putAll(changes);
        return as(OBLAST_AKMOLA).header("If-Match", ifMatch).contentType(ContentType.JSON).body(body)
                .put("/api/v1/institutions/" + bin);
    }

    private static Response close(String bin, Map<String, Object> body) {
        return as(OBLAST_AKMOLA).contentType(ContentType.JSON).body(body).post("/api/v1/institutions/" + bin + "/closure");
    }
}
