package kz.nobd.registry.api;

import static io.restassured.RestAssured.given;
import static kz.nobd.testing.Problems.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import kz.nobd.registry.testing.Institutions;
import kz.nobd.support.CsvFormat;
import kz.nobd.testing.Ids;
import kz.nobd.testing.Tokens;

/**
 * {@code ?format=excel}: a file a clerk opens in Excel with Kazakh letters and leading zeros intact (BOM, semicolons,
 * CRLF, BIN and KATO as text), headers in kk or ru, offered for download under a meaningful name;
 * {@code ?format=csv} stays RFC 4180 with the field names.
 */
@QuarkusTest
class ExcelCsvTest {
    private static final String KAZAKH_NAME = "Абай атындағы №1 мектеп-гимназиясы; ұлттық";

    @Test
    void theExcelProfileKeepsKazakhLettersAndLeadingZeros() {
        String bin = leadingZeroBin();

        Response response = export(bin, "excel", "kk", null);

        response.then().statusCode(200).contentType("text/csv;charset=UTF-8");
        assertThat(response.header("Content-Disposition")).isEqualTo("attachment; filename=\"nobd-institutions-all-"
                + LocalDate.now(ZoneId.of("Asia/Almaty")) + ".csv\"");
        byte[] bytes = response.asByteArray();
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertThat(text).endsWith("\r\n");
        String[] lines = text.split("\r\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("БСН;Атауы (қазақ тілінде);Атауы (орыс тілінде);Ұйым түрі;Меншік нысаны;ӘАОЖ коды");
        assertThat(lines[1]).startsWith("\"=\"\"" + bin + "\"\"\";\"" + KAZAKH_NAME + "\";")
                .contains(";\"=\"\"101010000\"\"\";\"=\"\"100000000\"\"\";").contains(";\"KK;RU\";");
    }

    @Test
    void theHeaderFollowsLangThenAcceptLanguageThenKazakh() {
        String bin = leadingZeroBin();

        assertThat(firstLine(export(bin, "excel", "ru", null))).startsWith("БИН;Наименование на казахском;");
        assertThat(firstLine(export(bin, "excel", null, "ru-RU,ru;q=0.9,en;q=0.5"))).startsWith("БИН;");
        assertThat(firstLine(export(bin, "excel", null, "en-US,kk;q=0.8,ru;q=0.5"))).startsWith("БСН;");
        assertThat(firstLine(export(bin, "excel", null, null))).startsWith("БСН;");
    }

    @Test
    void formatCsvIsRfc4180ForPrograms() {
        String bin = leadingZeroBin();

        Response response = export(bin, "csv", "ru", null);

        String text = response.then().statusCode(200).extract().asString();
        assertThat(text).startsWith("bin,nameKk,nameRu,type,").contains("\r\n" + bin + "," + KAZAKH_NAME + ",");
        assertThat(response.asByteArray()[0]).isEqualTo((byte) 'b');
    }

    @Test
    void everyExportedColumnHasAHeaderInBothLanguages() {
        for (Locale language : new Locale[] {Locale.forLanguageTag("kk"), Locale.forLanguageTag("ru")}) {
            CsvFormat excel = CsvFormat.excel(InstitutionCsvWriter.LABELS, language);
            assertThat(InstitutionCsvWriter.COLUMNS).as(language.toString()).allSatisfy(c -> assertThat(excel.labels(c))
                    .as(c).isTrue());
        }
    }

    @Test
    void anUnknownFormatOrLanguageIs400NamingWhatIsAllowed() {
        assertInvalid(export("000000000000", "xlsx", null, null), "format", "json, csv", "excel");
        assertInvalid(export("000000000000", "excel", "en", null), "lang", "kk or ru");
    }

    /** A new school in Abai oblast with a BIN that begins with 0 (registered in 2000-2009) and a Kazakh name. */
    private static String leadingZeroBin() {
        String bin = Ids.bin();
        while (bin.charAt(0) != '0') {
            bin = Ids.bin();
        }
        Map<String, Object> body = Institutions.body(bin, Institutions.ABAI_CITY);
        body.put("nameKk", KAZAKH_NAME);
        Institutions.create(Tokens.MINISTRY, body).then().statusCode(201);
        return bin;
    }

    private static Response export(String bin, String format, String lang, String acceptLanguage) {
        var request = given().header("Authorization", Tokens.bearer(Tokens.OBLAST_ABAI)).queryParam("q", bin)
                .queryParam("format", format);
        if (lang != null) {
            request.queryParam("lang", lang);
        }
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        return request.get("/api/v1/institutions");
    }

    private static String firstLine(Response response) {
        return new String(response.then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8).substring(1)
                .split("\r\n")[0];
    }
}
