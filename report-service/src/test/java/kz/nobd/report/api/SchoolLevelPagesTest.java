package kz.nobd.report.api;

import static kz.nobd.testing.Tokens.MINISTRY;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kz.nobd.contracts.Language;
import kz.nobd.report.domain.Spell;
import kz.nobd.contracts.events.Sex;
import kz.nobd.report.testing.FactProducer;
import kz.nobd.report.testing.Reports;

/**
 * SCHOOL-level rollups are made one school at a time and keep only the page asked for: any page size gives the
 * same rows in the same order (BIN, grade, sex, language) and the same total, today (the cube) and on past dates
 * (a month checkpoint or today's cube and the deltas, read through a cursor in BIN order).
 */
@QuarkusTest
class SchoolLevelPagesTest {
    static final String ENROLMENT = "/api/v1/rollups/enrolment";

    @Test
    void smallPagesAddUpToTheWholeTableInKeyOrder() {
        Reports.awaitReady();
        FactProducer.schoolWithStudents("551000000", Reports.today().minusDays(2));
        FactProducer.schoolWithStudents("551000000", Reports.today().minusDays(2));
        for (LocalDate date : List.of(Reports.today(), Reports.today().minusDays(3), LocalDate.of(2025, 10, 1),
                LocalDate.of(2024, 5, 1))) {
            for (String by : List.of("grade,sex,language", "sex,locality", "language")) {
                Map<String, Object> query = Map.of("level", "SCHOOL", "asOf", date.toString(), "by", by);
                List<Map<String, Object>> whole = Reports.rows(MINISTRY, ENROLMENT, query);
                // small pages (7 rows, or more when the test database holds many: about 20 pages)
                int size = Math.max(7, whole.size() / 20 + 1);
                List<Map<String, Object>> paged = new ArrayList<>();
                long total = -1;
                for (int page = 0;; page++) {
                    JsonPath json = Reports.get(MINISTRY, ENROLMENT, with(query, page, size)).then().statusCode(200)
                            .extract().jsonPath();
                    paged.addAll(json.getList("rows"));
                    total = json.getLong("total");
                    if ((page + 1) * (long) size >= total) {
                        break;
                    }
                }
                assertThat(paged).as("%s by %s in pages of %d", date, by, size).isEqualTo(whole);
                assertThat(total).isEqualTo(whole.size());
                assertThat(whole).as("%s by %s sorted", date, by).isSortedAccordingTo(KEY_ORDER);
                if (!date.isBefore(LocalDate.of(2025, 10, 1))) {
                    assertThat(whole).as("the test database has students on %s", date).isNotEmpty();
                }
            }
        }
    }

    static Map<String, Object> with(Map<String, Object> query, int page, int size) {
        Map<String, Object> all = new java.util.HashMap<>(query);
        all.put("page", page);
        all.put("size", size);
        return all;
    }

    static final Comparator<Map<String, Object>> KEY_ORDER = Comparator
            .comparing((Map<String, Object> r) -> (String) r.get("bin"))
            .thenComparingInt(r -> r.get("grade") == null ? -1 : (Integer) r.get("grade"))
            .thenComparingInt(r -> r.get("sex") == null ? -1 : Sex.valueOf((String) r.get("sex")).ordinal())
            .thenComparingInt(r -> r.get("language") == null ? -1 : Language.valueOf((String) r.get("language")).ordinal())
            .thenComparing(r -> r.get("locality") == null ? "" : (String) r.get("locality"));
}
