package kz.nobd.registry.api;

import static kz.nobd.testing.Callers.as;
import static kz.nobd.registry.testing.Institutions.AKMOLA_VILLAGE;
import static kz.nobd.testing.Problems.assertInvalid;
import static kz.nobd.testing.Problems.assertProblem;
import static kz.nobd.testing.Tokens.MINISTRY;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import kz.nobd.contracts.Checksum12;
import kz.nobd.testing.Ids;
import kz.nobd.registry.testing.Institutions;

/**
 * The wrong values a data clerk really types into a new institution card: each is refused with 400, the field
 * named, a message that says what is allowed, and nothing is stored. Shape problems of the body (not JSON, too
 * big, wrong media type) are in {@link BadRequestBodyTest}; edits, closures and queries in
 * {@link BadEditInputTest}; the CSV import in {@link BadCsvImportTest}.
 */
@QuarkusTest
class BadInputTest {
    private static final String TOMORROW_NEXT_YEAR = LocalDate.now(ZoneId.of("Asia/Almaty")).plusYears(1).toString();

    static Stream<Arguments> badCards() {
        return Stream.of(
                bad("BIN with a wrong check digit", c -> set(c, "bin", Ids.withWrongCheckDigit(bin(c))), "bin", "wrong check digit"),
                bad("BIN of 11 digits", c -> set(c, "bin", bin(c).substring(0, 11)), "bin", "exactly 12 digits"),
                bad("BIN with letters", c -> set(c, "bin", bin(c).substring(0, 10) + "AB"), "bin", "exactly 12 digits"),
                bad("BIN with registration month 13", c -> set(c, "bin", withMonth13(bin(c))), "bin", "must be 01..12"),
                bad("BIN typed as a number that lost its leading zero", c -> set(c, "bin", Long.parseLong(zeroLedBin())),
                        "bin", "exactly 12 digits"),
                bad("no BIN", c -> set(c, "bin", null), "bin", "exactly 12 digits"),
                bad("KATO that does not exist (119999999)", c -> set(c, "kato", "119999999"), "kato",
                        "does not exist in the KATO classifier"),
                bad("KATO of 8 digits", c -> set(c, "kato", "11103310"), "kato", "must be a 9-digit KATO code"),
                bad("KATO of the oblast itself", c -> set(c, "kato", "110000000"), "kato",
                        "must name a district, city district or settlement"),
                bad("empty nameKk", c -> set(c, "nameKk", ""), "nameKk", "nameKk is required and must not be blank"),
                bad("nameRu of spaces", c -> set(c, "nameRu", "   "), "nameRu", "nameRu is required and must not be blank"),
                bad("nameRu of 501 characters", c -> set(c, "nameRu", "Ш".repeat(501)), "nameRu", "at most 500 characters"),
                bad("no type", c -> set(c, "type", null), "type", "type is required, one of PRESCHOOL, SCHOOL"),
                bad("type GYMNASIUM", c -> set(c, "type", "GYMNASIUM"), "type",
                        "must be one of PRESCHOOL, SCHOOL, SMALL_SCHOOL", "was 'GYMNASIUM'"),
                bad("ownership MUNICIPAL", c -> set(c, "ownership", "MUNICIPAL"), "ownership", "one of STATE, PRIVATE"),
                bad("locality SUBURBAN", c -> set(c, "locality", "SUBURBAN"), "locality", "one of URBAN, RURAL"),
                bad("language FR", c -> set(c, "languages", List.of("KK", "FR")), "languages",
                        "one of KK, RU, EN, UZ, UG, TJ", "was 'FR'"),
                bad("a language twice", c -> set(c, "languages", List.of("KK", "RU", "KK")), "languages", "KK twice"),
                bad("no language", c -> set(c, "languages", List.of()), "languages", "at least one of KK, RU"),
                bad("capacity -5", c -> set(c, "capacity", -5), "capacity", "must be 1..20000", "was -5"),
                bad("capacity 'many'", c -> set(c, "capacity", "many"), "capacity", "whole number 1..20000"),
                bad("capacity 1.5", c -> set(c, "capacity", 1.5), "capacity", "whole number 1..20000"),
                bad("shifts 4", c -> set(c, "shifts", 4), "shifts", "must be 1..3"),
                bad("openedOn in the future", c -> set(c, "openedOn", TOMORROW_NEXT_YEAR), "openedOn",
                        "must not be in the future"),
                bad("openedOn 01.09.2001", c -> set(c, "openedOn", "01.09.2001"), "openedOn", "YYYY-MM-DD", "01.09.2001"),
                bad("openedOn 30 February", c -> set(c, "openedOn", "2001-02-30"), "openedOn", "YYYY-MM-DD"),
                bad("no openedOn", c -> set(c, "openedOn", null), "openedOn", "openedOn is required"),
                bad("e-mail without @", c -> set(c, "email", "director.school12.kz"), "email", "like name@example.kz"),
                bad("phone with words", c -> set(c, "phone", "call the director"), "phone", "digits, spaces"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCards")
    void refusedAndNotStored(UnaryOperator<Map<String, Object>> mistake, String field, String[] fragments) {
        String bin = Ids.bin();
        Map<String, Object> card = mistake.apply(Institutions.body(bin, AKMOLA_VILLAGE));

        assertInvalid(Institutions.create(MINISTRY, card), field, fragments);

        assertProblem(as(MINISTRY).get("/api/v1/institutions/" + bin), 404);
        if (card.get("bin") instanceof Long number) {
            assertProblem(as(MINISTRY).get("/api/v1/institutions/" + String.format("%012d", number)), 404);
        }
        if (card.get("bin") != null) {
            as(MINISTRY).queryParam("q", card.get("bin").toString()).get("/api/v1/institutions")
                    .then().statusCode(200).body("total", equalTo(0));
        }
    }

    @Test
    void severalMistakesAreListedTogether() {
        String bin = Ids.bin();
        Map<String, Object> card = Institutions.body(bin, AKMOLA_VILLAGE);
        card.put("bin", Ids.withWrongCheckDigit(bin));
        card.put("nameKk", "");
        card.put("type", "GYMNASIUM");
        card.put("capacity", -5);
        card.put("openedOn", "01.09.2001");
        card.put("languages", List.of("FR"));

        Response response = Institutions.create(MINISTRY, card);

        assertProblem(response, 400).body("detail", equalTo("6 fields are invalid"))
                .body("errors.field", containsInAnyOrder("bin", "nameKk", "type", "capacity", "openedOn", "languages"));
        assertInvalid(response, "type", "one of PRESCHOOL");
        assertInvalid(response, "openedOn", "YYYY-MM-DD");
        assertProblem(as(MINISTRY).get("/api/v1/institutions/" + bin), 404);
    }

    @Test
    void theSameCardTwiceIsAConflictAndTheFirstStaysAsItWas() {
        String bin = Ids.bin();
        Institutions.create(MINISTRY, Institutions.body(bin, AKMOLA_VILLAGE)).then().statusCode(201);
        Map<String, Object> again = Institutions.body(bin, AKMOLA_VILLAGE);
        again.put("capacity", 900);

        assertProblem(as(MINISTRY).contentType(ContentType.JSON).body(again).post("/api/v1/institutions"), 409)
                .body("detail", equalTo("an institution with BIN " + Ids.masked(bin) + " is already registered"));

        as(MINISTRY).get("/api/v1/institutions/" + bin).then().statusCode(200).body("version", equalTo(1))
                .body("capacity", equalTo(600));
    }

    private static Arguments bad(String name, UnaryOperator<Map<String, Object>> mistake, String field,
            String... fragments) {
        return arguments(named(name, mistake), field, fragments);
    }

    private static Map<String, Object> set(Map<String, Object> card, String field, Object value) {
        card.put(field, value);
        return card;
    }

    private static String bin(Map<String, Object> card) {
        return (String) card.get("bin");
    }

    /** The same serial registered in month 13, with the check digit computed, so only the month is wrong. */
    private static String withMonth13(String bin) {
        for (int serial = 0; ; serial++) {
            String first11 = bin.substring(0, 2) + "1340" + String.format("%05d", serial);
            int digit = Checksum12.checkDigit(first11);
            if (digit >= 0) {
                return first11 + digit;
            }
        }
    }

    /** A fresh valid BIN registered in 200x, which a spreadsheet shows without its leading zero. */
    private static String zeroLedBin() {
        String bin = Ids.bin();
        while (bin.charAt(0) != '0') {
            bin = Ids.bin();
        }
        return bin;
    }
}
