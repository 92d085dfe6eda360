package kz.nobd.report.api;

import static kz.nobd.testing.Tokens.MINISTRY;
import static kz.nobd.testing.Tokens.OBLAST_AKMOLA;
import static kz.nobd.testing.Tokens.REPORT_CONSUMER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import kz.nobd.contracts.events.SignoffKind;
import kz.nobd.report.testing.ConfirmedPeriods;
import kz.nobd.report.testing.FactProducer;
import kz.nobd.report.testing.Reports;
import kz.nobd.testing.Callers;

/**
 * Every read of school-level rows and every export is audited (who, role, jurisdiction, query, when) and readable
 * by the ministry; an aggregate read as JSON is not. CSV is UTF-8 with a header row and names in kk and ru.
 */
@QuarkusTest
class AuditAndCsvTest {
    @BeforeEach
    void caughtUp() {
        Reports.awaitReady(); // the API answers 503 until the replica has caught up
    }

    static final String ENROLMENT = "/api/v1/rollups/enrolment";

    @Test
    void aSchoolLevelReadIsAudited() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        Reports.get(OBLAST_AKMOLA, ENROLMENT, Map.of("level", "SCHOOL", "by", "sex", "page", "0", "size", "7",
                "kato", "110000000", "x", marker)).then().statusCode(200);
        Map<String, Object> entry = entryWith(OBLAST_AKMOLA, marker);
        assertThat(entry).containsEntry("user", OBLAST_AKMOLA).containsEntry("role", "oblast")
                .containsEntry("jurisdiction", "oblast 11").containsEntry("endpoint", ENROLMENT)
                .containsEntry("format", "json");
        assertThat((String) entry.get("query")).contains("level=SCHOOL").contains("kato=110000000");
        assertThat((String) entry.get("at")).startsWith(Reports.today().toString().substring(0, 4));
    }

    /** report-consumer reads the confirmed figures of a LOCKED period (the signed return of a new Akmola school). */
    @Test
    void anAggregateReadAsJsonIsNotAuditedAnExportIs() {
        String school = FactProducer.schoolWithStudents("111000000", Reports.today());
        String period = ConfirmedPeriods.locked(SignoffKind.ENROLMENT, Reports.today().minusDays(1), List.of(school));

        String json = UUID.randomUUID().toString().substring(0, 8);
        Reports.get(REPORT_CONSUMER, ENROLMENT, Map.of("level", "OBLAST", "period", period, "x", json)).then()
                .statusCode(200);
        assertThat(entries(null)).noneMatch(e -> ((String) e.get("query")).contains(json));

        String csv = UUID.randomUUID().toString().substring(0, 8);
        Response response = Callers.as(REPORT_CONSUMER).accept("text/csv")
                .queryParams(Map.of("level", "OBLAST", "by", "locality", "period", period, "x", csv)).get(ENROLMENT);
        response.then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv"));
        String body = new String(response.asByteArray(), StandardCharsets.UTF_8);
        assertThat(body.lines().findFirst()).contains("kato,nameKk,nameRu,locality,students,suppressed,"
                + "basis,period,periodName,censusDate,schools");
        assertThat(body).contains("110000000,Ақмола облысы,Акмолинская область,").contains(",confirmed," + period + ",");
        Map<String, Object> entry = entryWith(null, csv);
        assertThat(entry).containsEntry("format", "csv").containsEntry("role", "report-consumer")
                .containsEntry("jurisdiction", "country");
        assertThat((String) entry.get("user")).contains("nobd-report-consumer"); // the client's service account
    }

    @Test
    void theExcelProfileHasAByteOrderMarkSemicolonsLabelsAndKatoAsText() {
        FactProducer.schoolWithStudents("111000000", Reports.today());

        Response response = Callers.as(MINISTRY).queryParams(Map.of("level", "OBLAST", "by", "locality",
                "format", "excel", "lang", "ru")).get(ENROLMENT);

        response.then().statusCode(200).contentType(org.hamcrest.Matchers.startsWith("text/csv"));
        assertThat(response.header("Content-Disposition"))
                .isEqualTo("attachment; filename=\"nobd-rollups-enrolment-OBLAST-" + Reports.today() + ".csv\"");
        byte[] bytes = response.asByteArray();
        assertThat(bytes).startsWith((byte) 0xEF, (byte) 0xBB, (byte) 0xBF);
        String body = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertThat(body.split("\r\n")[0])
                .isEqualTo("Код КАТО;Наименование на казахском;Наименование на русском;Тип местности;Число учащихся;"
                        + "Скрыто (малое число)");
        assertThat(body).contains("\r\n\"=\"\"110000000\"\"\";Ақмола облысы;Акмолинская область;");
    }

    /** Every column of every export has a header in both languages (a Latin header is a field name left unlabelled). */
    @Test
    void everyExportHasKazakhAndRussianHeaders() {
        List<Map<String, String>> exports = List.of(
                Map.of("path", ENROLMENT, "level", "SCHOOL", "by", "grade,sex,language,locality,type,ownership",
                        "size", "1"),
                Map.of("path", "/api/v1/rollups/equipment", "level", "SCHOOL", "by", "locality,type,ownership",
                        "size", "1"),
                Map.of("path", "/api/v1/indicators", "level", "OBLAST", "kato", "110000000"),
                Map.of("path", "/api/v1/completeness", "kind", "equipment"));
        for (Map<String, String> export : exports) {
            for (String lang : List.of("kk", "ru")) {
                Map<String, String> params = new java.util.HashMap<>(export);
                String path = params.remove("path");
                params.put("format", "excel");
                params.put("lang", lang);
                Response response = Callers.as(MINISTRY).queryParams(params).get(path);
                String header = new String(response.then().statusCode(200).extract().asByteArray(),
                        StandardCharsets.UTF_8).substring(1).split("\r\n")[0];
                assertThat(header.split(";")).as(path + " " + lang)
                        .allSatisfy(h -> assertThat(h).as(path + " " + lang).matches(".*\\p{IsCyrillic}.*"));
            }
        }
    }

    @Test
    void theAuditFiltersByUser() {
        Reports.get(OBLAST_AKMOLA, ENROLMENT, Map.of("level", "SCHOOL")).then().statusCode(200);
        List<Map<String, Object>> entries = entries(OBLAST_AKMOLA);
        assertThat(entries).isNotEmpty().allMatch(e -> e.get("user").equals(OBLAST_AKMOLA));
    }

    private static Map<String, Object> entryWith(String user, String marker) {
        return entries(user).stream().filter(e -> ((String) e.get("query")).contains(marker)).findFirst()
                .orElseThrow(() -> new AssertionError("no audit entry with " + marker));
    }

    /** Today's entries, newest first (of {@code user} when not null). */
    private static List<Map<String, Object>> entries(String user) {
        Map<String, String> params = new java.util.HashMap<>(Map.of("since", Reports.today().toString(), "size", "100"));
        if (user != null) {
            params.put("user", user);
        }
        return Reports.get(MINISTRY, "/api/v1/audit", params).then().statusCode(200).extract().jsonPath()
                .getList("items");
    }
}
