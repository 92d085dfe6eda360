package kz.nobd.registry.api;

import static kz.nobd.testing.Callers.as;
import static kz.nobd.registry.testing.CsvImports.HEADER;
import static kz.nobd.registry.testing.CsvImports.row;
import static kz.nobd.registry.testing.Institutions.AKMOLA_VILLAGE;
import static kz.nobd.testing.Problems.assertInvalid;
import static kz.nobd.testing.Problems.assertProblem;
import static kz.nobd.testing.Tokens.MINISTRY;
import static kz.nobd.testing.Tokens.OBLAST_AKMOLA;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Named.named;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import kz.nobd.testing.Ids;
import kz.nobd.registry.testing.CsvImports;

/**
 * The CSV import. A file whose structure is broken is refused as a whole (400 on field {@code csv}, nothing
 * stored, not even its valid rows); otherwise the file lands row by row, each bad row (wrong values, or the wrong
 * number of fields) reported with its line.
 */
@QuarkusTest
class BadCsvImportTest {

    /** A broken file, given two fresh BINs for valid rows it also carries. */
    static Stream<Arguments> brokenFiles() {
        return Stream.of(
                broken("unknown column", (a, b) -> "bin,nameKk,nameRu,type,ownership,kato,languages,openedOn,director\n"
                        + a + ",Мектеп,Школа,SCHOOL,STATE," + AKMOLA_VILLAGE + ",KK,2001-09-01,Иванов А.\n",
                        "unknown column 'director'", "allowed columns are bin,nameKk,nameRu"),
                broken("semicolons as separators (Excel, Russian locale)", (a, b) -> HEADER.replace(',', ';')
                        + row(a, AKMOLA_VILLAGE).replace(',', ';'), "unknown column", "allowed columns are bin,nameKk"),
                broken("no kato column", (a, b) -> "bin,nameKk,nameRu,type,ownership,languages,openedOn\n"
                        + a + ",Мектеп,Школа,SCHOOL,STATE,KK,2001-09-01\n", "lacks the required columns kato"),
                broken("a column twice", (a, b) -> HEADER.replace("openedOn", "openedOn,nameRu")
                        + row(a, AKMOLA_VILLAGE).replace("\n", ",Школа\n"), "column 'nameRu' appears twice"),
                broken("an unterminated quote", (a, b) -> HEADER + row(a, AKMOLA_VILLAGE)
                        + b + ",Мектеп,\"Школа №2,SCHOOL,STATE," + AKMOLA_VILLAGE + ",KK,2001-09-01\n", "quote"),
                broken("an empty file", (a, b) -> "", "the CSV is empty", "header bin,nameKk,nameRu"),
                broken("blank lines only", (a, b) -> "\n\r\n\n", "the CSV is empty"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFiles")
    void brokenFileIsRefusedWhole(Function<String[], String> file, String[] fragments) {
        String a = Ids.bin();
        String b = Ids.bin();

        assertInvalid(CsvImports.post(OBLAST_AKMOLA, file.apply(new String[] {a, b})), "csv", fragments)
                .body("$", not(hasKey("rows")));

        assertProblem(as(MINISTRY).get("/api/v1/institutions/" + a), 404);
        assertProblem(as(MINISTRY).get("/api/v1/institutions/" + b), 404);
    }

    @Test
    void jsonSentToTheImportIsRefusedWith415NamingTextCsv() {
        String bin = Ids.bin();
        Response response = as(MINISTRY).contentType("application/json")
                .body("[{\"bin\":\"" + bin + "\"}]").post("/api/v1/institutions/import");

        assertProblem(response, 415).body("detail", containsString("text/csv"));
        assertProblem(as(MINISTRY).get("/api/v1/institutions/" + bin), 404);
    }

    @Test
    void validRowsLandAndEachBadRowIsReportedWithItsLine() {
        String good1 = Ids.bin();
        String badType = Ids.bin();
        String good2 = Ids.bin();
        String badTwice = Ids.bin();
        String wrongDigit = Ids.withWrongCheckDigit(Ids.bin());
        String csv = HEADER
                + row(good1, AKMOLA_VILLAGE)
                + row(badType, AKMOLA_VILLAGE).replace("SCHOOL", "GYMNASIUM")
                + row(good2, AKMOLA_VILLAGE)
                + row(badTwice, "119999999").replace("2001-09-01", "01.09.2001")
                + row(wrongDigit, AKMOLA_VILLAGE);

        Response response = CsvImports.post(OBLAST_AKMOLA, csv);

        response.then().statusCode(200).body("received", equalTo(5)).body("created", equalTo(2))
                .body("rejected", equalTo(3)).body("updated", equalTo(0))
                .body("rows.line", equalTo(List.of(2, 3, 4, 5, 6)))
                .body("rows.bin", equalTo(List.of(good1, badType, good2, badTwice, wrongDigit)))
                .body("rows.outcome", equalTo(List.of("CREATED", "REJECTED", "CREATED", "REJECTED", "REJECTED")))
                .body("rows[0].errors", empty())
                .body("rows[1].errors.field", equalTo(List.of("type")))
                .body("rows[1].errors[0].message", containsString("one of PRESCHOOL, SCHOOL"))
                .body("rows[3].errors.field", equalTo(List.of("kato", "openedOn")))
                .body("rows[3].errors[1].message", containsString("YYYY-MM-DD"))
                .body("rows[4].errors.field", equalTo(List.of("bin")))
                .body("rows[4].errors[0].message", containsString("wrong check digit"));

        for (String landed : List.of(good1, good2)) {
            as(MINISTRY).get("/api/v1/institutions/" + landed).then().statusCode(200)
                    .body("nameRu", equalTo("Школа " + landed)).body("nameKk", equalTo("Мектеп"))
                    .body("languages", equalTo(List.of("KK", "RU"))).body("oblastKato", equalTo("110000000"));
            as(MINISTRY).get("/api/v1/institutions/" + landed + "/history").then().statusCode(200)
                    .body("items[0].changedBy", equalTo(OBLAST_AKMOLA));
        }
        for (String refused : List.of(badType, badTwice)) {
            assertProblem(as(MINISTRY).get("/api/v1/institutions/" + refused), 404);
        }
    }

    /** A row with too many fields (an unquoted comma) or too few (cut off) is that row's error; its neighbours land. */
    @Test
    void aRowWithTheWrongNumberOfFieldsIsThatRowsErrorOnly() {
        String before = Ids.bin();
        String comma = Ids.bin();
        String cut = Ids.bin();
        String after = Ids.bin();
        String csv = HEADER + row(before, AKMOLA_VILLAGE)
                + comma + ",Мектеп,Школа, №2,SCHOOL,STATE," + AKMOLA_VILLAGE + ",KK,2001-09-01\n"
                + cut + ",Мектеп,Школа\n"
                + row(after, AKMOLA_VILLAGE);

        CsvImports.post(OBLAST_AKMOLA, csv).then().statusCode(200).body("status", equalTo("DONE"))
                .body("received", equalTo(4)).body("created", equalTo(2)).body("rejected", equalTo(2))
                .body("rows.line", equalTo(List.of(2, 3, 4, 5)))
                .body("rows.outcome", equalTo(List.of("CREATED", "REJECTED", "REJECTED", "CREATED")))
                .body("rows[1].errors[0].field", equalTo("csv"))
                .body("rows[1].errors[0].message", containsString("line 3 has 9 fields, the header has 8"))
                .body("rows[1].errors[0].message", containsString("quote values that contain commas"))
                .body("rows[2].errors[0].message", containsString("line 4 has 3 fields, the header has 8"));

        as(MINISTRY).get("/api/v1/institutions/" + before).then().statusCode(200);
        as(MINISTRY).get("/api/v1/institutions/" + after).then().statusCode(200);
        assertProblem(as(MINISTRY).get("/api/v1/institutions/" + comma), 404);
        assertProblem(as(MINISTRY).get("/api/v1/institutions/" + cut), 404);
    }

    /** Files saved without a final line break are common; the reported lines must not shift. */
    @Test
    void lineNumbersAreRightWithoutATrailingNewline() {
        String good = Ids.bin();
        String bad1 = Ids.bin();
        String bad2 = Ids.bin();
        String csv = HEADER + row(good, AKMOLA_VILLAGE) + row(bad1, AKMOLA_VILLAGE).replace("STATE", "MUNICIPAL")
                + row(bad2, AKMOLA_VILLAGE).replace("KK;RU", "FR").stripTrailing();

        CsvImports.post(OBLAST_AKMOLA, csv).then().statusCode(200)
                .body("rows.bin", equalTo(List.of(good, bad1, bad2)))
                .body("rows.line", equalTo(List.of(2, 3, 4)));
    }

    /** What Excel saves: a byte order mark, CRLF line ends, a quoted value with a comma. */
    @Test
    void anExcelExportIsRead() {
        String bin = Ids.bin();
        String csv = "\uFEFF" + HEADER.replace("\n", "\r\n")
                + bin + ",Мектеп,\"Школа №1, им. Абая\",SCHOOL,STATE," + AKMOLA_VILLAGE + ",KK;RU,2001-09-01\r\n";

        CsvImports.post(OBLAST_AKMOLA, csv).then().statusCode(200)
                .body("rows.outcome", equalTo(List.of("CREATED"))).body("rows.line", equalTo(List.of(2)));
        as(MINISTRY).get("/api/v1/institutions/" + bin).then().statusCode(200)
                .body("nameRu", equalTo("Школа №1, им. Абая"));
    }

    private static Arguments broken(String name, BiFunction<String, String, String> file,
            String... fragments) {
        Function<String[], String> build = bins -> file.apply(bins[0], bins[1]);
        return arguments(named(name, build), fragments);
    }
}
