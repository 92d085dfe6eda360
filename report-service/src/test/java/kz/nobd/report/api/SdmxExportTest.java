package kz.nobd.report.api;

import static kz.nobd.report.testing.SdmxCells.AKMOLA_DISTRICT;
import static kz.nobd.report.testing.SdmxCells.D1;
import static kz.nobd.report.testing.SdmxCells.D2;
import static kz.nobd.testing.Problems.assertProblem;
import static kz.nobd.testing.Tokens.MINISTRY;
import static kz.nobd.testing.Tokens.OBLAST_AKMOLA;
import static kz.nobd.testing.Tokens.REPORT_CONSUMER;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import kz.nobd.report.testing.Reports;
import kz.nobd.report.testing.SdmxCells;
import kz.nobd.testing.Callers;

/**
 * The SDMX export of enrolment (docs/report.md, "SDMX export"): an SDMX-CSV 2.0 message whose header is the one the
 * format requires, whose observations are the enrolment rollup's counts summed by ISCED level, whose suppression
 * is the rollup's (a level holding a suppressed grade is suppressed), in the representations Accept asks for.
 * report-consumer reads the confirmed figures of a LOCKED period as of the test's day ({@link SdmxCells#period()}).
 */
@QuarkusTest
class SdmxExportTest {
    static final String SDMX = "/api/v1/sdmx/data/enrolment";
    static final String ENROLMENT = "/api/v1/rollups/enrolment";
    static final String HEADER = "STRUCTURE,STRUCTURE_ID,ACTION,REF_AREA,ISCED11,SEX,URBANISATION,TIME_PERIOD,"
            + "OBS_VALUE,OBS_STATUS";
    static final String SDMX_CSV = "application/vnd.sdmx.data+csv;version=2.0.0";
    private static LocalDate day;

    @BeforeEach
    void cells() {
        day = SdmxCells.day();
    }

    @Test
    void theMessageIsSdmxCsv20() {
        Response response = sdmx(MINISTRY, "DISTRICT", null);
        response.then().statusCode(200);
        assertThat(response.contentType()).isEqualTo(SDMX_CSV);
        byte[] bytes = response.asByteArray();
        assertThat(bytes[0]).isEqualTo((byte) 'S'); // no byte-order mark
        String body = new String(bytes, StandardCharsets.UTF_8);
        assertThat(body).startsWith(HEADER + "\r\n").endsWith("\r\n");
        assertThat(body.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        List<String> rows = body.lines().skip(1).toList();
        assertThat(rows).hasSize(SdmxCells.expected("DISTRICT").size())
                .allMatch(r -> r.startsWith("dataflow,NOBD:DF_ENROLMENT(1.0.0),I,"))
                .allMatch(r -> r.split(",", -1).length == 10)
                .allMatch(r -> r.split(",", -1)[7].equals(day.toString()));
        assertThat(rows).first().isEqualTo("dataflow,NOBD:DF_ENROLMENT(1.0.0),I,111000000,1,F,R," + day + ",5,A");
        assertThat(rows).as("ordered by REF_AREA, ISCED11, SEX, URBANISATION")
                .isSortedAccordingTo(java.util.Comparator.comparing(r -> String.join(",", r.split(",")[3],
                        r.split(",")[4], r.split(",")[5], r.split(",")[6])));
        Response asked = Callers.as(MINISTRY).accept(SDMX_CSV).queryParams(params(MINISTRY, "DISTRICT", null)).get(SDMX);
        asked.then().statusCode(200);
        assertThat(asked.asString()).isEqualTo(body);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"OBLAST", "DISTRICT"})
    void countsAreTheRollupsSummedByIscedLevel(String level) {
        Map<String, String> message = observations(sdmx(MINISTRY, level, null));
        assertThat(message).isEqualTo(SdmxCells.expected(level));
        assertThat(message).isEqualTo(fromRollup(MINISTRY, level, null));
        String d1 = level.equals("OBLAST") ? "590000000" : D1, d2 = level.equals("OBLAST") ? "590000000" : D2;
        assertThat(message).containsEntry(d1 + "|1|M|R", "9").containsEntry(d1 + "|3|M|R", "13")
                .containsEntry(d1 + "|02|F|R", "7").containsEntry(d1 + "|2|F|R", "18").containsEntry(d2 + "|3|F|U", "2");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"OBLAST", "DISTRICT"})
    void reportConsumerGetsTheRollupsSuppression(String level) {
        Response confirmed = sdmx(REPORT_CONSUMER, level, null);
        assertThat(confirmed.asString().lines().skip(1)).as("as of the period's census date, the test's day")
                .isNotEmpty().allMatch(r -> r.split(",", -1)[7].equals(day.toString()));
        Map<String, String> message = observations(confirmed);
        assertThat(message).isEqualTo(fromRollup(REPORT_CONSUMER, level, null));
        assertThat(message.keySet()).isEqualTo(SdmxCells.expected(level).keySet());
        assertThat(message.values()).noneMatch(v -> v.matches("[1-4]"));
        if (level.equals("DISTRICT")) {
            // small grades inside a level (3 boys in grade 2, 1 in grade 12, 2 girls in grade 11), and the
            // complement of the last (grade 6) inside its district
            assertThat(message).containsEntry(D1 + "|1|M|R", "Q").containsEntry(D1 + "|3|M|R", "Q")
                    .containsEntry(D2 + "|3|F|U", "Q").containsEntry(D2 + "|2|F|U", "Q")
                    .containsEntry(D1 + "|1|F|U", "20").containsEntry(D2 + "|1|M|U", "30")
                    .containsEntry(D1 + "|02|F|R", "7");
        } else {
            // in the oblast the complement of grade 11 girls is grade 3 girls (20, the smallest other)
            assertThat(message).containsEntry("590000000|1|M|R", "Q").containsEntry("590000000|3|M|R", "Q")
                    .containsEntry("590000000|3|F|U", "Q").containsEntry("590000000|1|F|U", "Q")
                    .containsEntry("590000000|2|F|U", "25").containsEntry("590000000|1|M|U", "30")
                    .containsEntry("110000000|1|F|R", "5");
        }
    }

    @Test
    void ministryAndOblastSeeExactCounts() {
        assertThat(observations(sdmx(OBLAST_AKMOLA, "DISTRICT", null))).isEqualTo(
                Map.of(AKMOLA_DISTRICT + "|1|F|R", "5", AKMOLA_DISTRICT + "|2|M|R", "9"));
        assertThat(observations(sdmx(MINISTRY, "DISTRICT", "590000000"))).containsEntry(D1 + "|3|M|R", "13")
                .containsEntry(D2 + "|3|F|U", "2").allSatisfy((k, v) -> assertThat(k).startsWith("59"));
    }

    @Test
    void plainCsvIsTheSameMessage() {
        String sdmx = sdmx(REPORT_CONSUMER, "OBLAST", null).asString();
        Response csv = Callers.as(REPORT_CONSUMER).accept("text/csv").queryParams(params(REPORT_CONSUMER, "OBLAST", null))
                .get(SDMX);
        csv.then().statusCode(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.asString()).isEqualTo(sdmx);
        Response preferred = Callers.as(REPORT_CONSUMER).header("Accept", "application/json, text/csv;q=0.5")
                .queryParams(params(REPORT_CONSUMER, "OBLAST", null)).get(SDMX);
        assertThat(preferred.contentType()).startsWith("text/csv");
    }

    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {"application/json", "application/vnd.sdmx.data+csv;version=1.0.0",
        "application/vnd.sdmx.data+csv; version=2.0.0; labels=both", "application/vnd.sdmx.data+xml;version=3.0.0"})
    void anotherRepresentationIs406(String accept) {
        Response response = Callers.as(MINISTRY).header("Accept", accept)
                .queryParams(params(MINISTRY, "OBLAST", null)).get(SDMX);
        assertProblem(response, 406).body("detail", org.hamcrest.Matchers.containsString(SDMX_CSV))
                .body("detail", org.hamcrest.Matchers.containsString("text/csv"));
    }

    @Test
    void everyMessageIsAuditedAsAnExport() {
        String marker = UUID.randomUUID().toString().substring(0, 8);
        Callers.as(REPORT_CONSUMER).queryParams(Map.of("level", "OBLAST", "period", SdmxCells.period(), "x", marker))
                .get(SDMX).then().statusCode(200);
        List<Map<String, Object>> entries = Reports.get(MINISTRY, "/api/v1/audit",
                Map.of("since", Reports.today().toString(), "size", "100")).then().statusCode(200).extract()
                .jsonPath().getList("items");
        assertThat(entries).filteredOn(e -> ((String) e.get("query")).contains(marker)).singleElement()
                .satisfies(e -> assertThat(e).containsEntry("format", "sdmx-csv").containsEntry("endpoint", SDMX)
                        .containsEntry("role", "report-consumer").containsEntry("jurisdiction", "country"));
    }

    static Response sdmx(String caller, String level, String kato) {
        return Callers.as(caller).queryParams(params(caller, level, kato)).get(SDMX);
    }

    /**
     * The message of the test's day: live for the ministry and the oblast, for report-consumer the confirmed figures
     * of the LOCKED period as of that day (its census date).
     */
    static Map<String, String> params(String caller, String level, String kato) {
        Map<String, String> params = new HashMap<>(Map.of("level", level));
        if (caller.equals(REPORT_CONSUMER)) {
            params.put("period", SdmxCells.period());
        } else {
            params.put("asOf", day.toString());
        }
        if (kato != null) {
            params.put("kato", kato);
        }
        return params;
    }

    /** The observations of a 200 message: {@code REF_AREA|ISCED11|SEX|URBANISATION} to the count, or Q. */
    static Map<String, String> observations(Response response) {
        response.then().statusCode(200);
        List<String> lines = response.asString().lines().toList();
        assertThat(lines.get(0)).isEqualTo(HEADER);
        Map<String, String> observations = new LinkedHashMap<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            String value = f[9].equals("Q") ? "Q" : f[8];
            assertThat(f[9]).as(line).isIn("A", "Q");
            assertThat(f[8].isEmpty()).as(line).isEqualTo(f[9].equals("Q"));
            assertThat(observations.put(f[3] + "|" + f[4] + "|" + f[5] + "|" + f[6], value)).as(line).isNull();
        }
        return observations;
    }

    /**
     * The observations worked out from the enrolment rollup by grade, sex and locality as {@code caller} reads it:
     * the grades of a level summed, Q when any of them is suppressed.
     */
    static Map<String, String> fromRollup(String caller, String level, String kato) {
        Map<String, Long> sums = new HashMap<>();
        Map<String, Boolean> suppressed = new HashMap<>();
        Map<String, Object> query = new HashMap<>(params(caller, level, kato));
        query.put("by", "grade,sex,locality");
        for (Map<String, Object> row : Reports.rows(caller, ENROLMENT, query)) {
            String key = SdmxCells.key((String) row.get("kato"), (Integer) row.get("grade"), (String) row.get("sex"),
                    (String) row.get("locality"));
            boolean hidden = (Boolean) row.get("suppressed");
            suppressed.merge(key, hidden, Boolean::logicalOr);
            sums.merge(key, hidden ? 0L : ((Number) row.get("students")).longValue(), Long::sum);
        }
        Map<String, String> observations = new HashMap<>();
        sums.forEach((key, sum) -> observations.put(key, suppressed.get(key) ? "Q" : sum.toString()));
        return observations;
    }
}
