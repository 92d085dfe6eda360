package kz.nobd.report.api;

import static kz.nobd.testing.Problems.assertProblem;
import static kz.nobd.testing.Tokens.MINISTRY;
import static kz.nobd.testing.Tokens.OBLAST_AKMOLA;
import static kz.nobd.testing.Tokens.REPORT_CONSUMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import kz.nobd.contracts.events.SignoffKind;
import kz.nobd.report.testing.Cards;
import kz.nobd.report.testing.ConfirmedPeriods;
import kz.nobd.report.testing.FactProducer;
import kz.nobd.report.testing.FactProducer.Spell;
import kz.nobd.report.testing.Reports;
import kz.nobd.testing.Ids;

/**
 * Small cells for report-consumer: counts 1..4 are null with suppressed true, and complementary suppression leaves
 * no suppressed cell recoverable from a total. The spells count on one day only, a day no earlier run used (the
 * test database keeps old data), so the tables hold exactly this test's cells. report-consumer reads the confirmed
 * figures of a LOCKED period as of that day holding the signed returns of these schools (an ENROLMENT and an
 * EQUIPMENT one); the ministry and the oblast read the same day live. Oblast 59 (North Kazakhstan),
 * three districts; by sex:
 * <pre>
 *   district   M   F      report-consumer sees
 *   591000000  6   3      M -, F - (3 is small; 6 the complement inside the district)
 *   593200000  10  12     M -, F - (the complements of 6 and 3 among the districts)
 *   593400000  20  25     M 20, F 25
 * </pre>
 * and 2 students in Akmola (district 111000000): at OBLAST level, Akmola's 2 is small and North Kazakhstan's 76 its
 * complement (the national total would give it away).
 */
@QuarkusTest
class SuppressionTest {
    static final String ENROLMENT = "/api/v1/rollups/enrolment";
    static final String D1 = "591000000", D2 = "593200000", D3 = "593400000";
    private static LocalDate day;
    private static String enrolmentPeriod, equipmentPeriod;

    @BeforeEach
    void cellsOfOneUnusedDay() {
        if (day != null) {
            return;
        }
        Reports.awaitReady();
        LocalDate candidate;
        do {
            candidate = LocalDate.of(2001, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 18 * 365));
        } while (!Reports.rows(MINISTRY, ENROLMENT, Map.of("asOf", candidate.toString())).isEmpty());
        Map<String, int[]> cells = Map.of(D1, new int[] {6, 3}, D2, new int[] {10, 12}, D3, new int[] {20, 25},
                "111000000", new int[] {1, 1});
        Map<String, String> schools = new HashMap<>();
        for (var district : cells.entrySet()) {
            String bin = Ids.bin();
            schools.put(district.getKey(), bin);
            FactProducer.publishCard(Cards.school(bin, district.getKey()));
            for (int sex = 0; sex < 2; sex++) {
                for (int i = 0; i < district.getValue()[sex]; i++) {
                    FactProducer.spell(new Spell(java.util.UUID.randomUUID(), bin, 4, sex == 0 ? "M" : "F", "KK",
                            candidate, candidate.plusDays(1)), "CLOSED");
                }
            }
        }
        LocalDate chosen = candidate;
        await().atMost(Duration.ofSeconds(30)).until(() -> total(MINISTRY, chosen) == 78);
        enrolmentPeriod = ConfirmedPeriods.locked(SignoffKind.ENROLMENT, chosen, schools.values());
        equipmentPeriod = ConfirmedPeriods.locked(SignoffKind.EQUIPMENT, chosen, List.of(schools.get("111000000")));
        day = chosen;
    }

    @Test
    void reportConsumerSeesSmallCellsAndTheirComplementsSuppressed() {
        Map<String, Object> seen = bySex(REPORT_CONSUMER, true);
        assertThat(seen).isEqualTo(Map.of(D1 + "|M", "suppressed", D1 + "|F", "suppressed", D2 + "|M", "suppressed",
                D2 + "|F", "suppressed", D3 + "|M", 20, D3 + "|F", 25));
    }

    @Test
    void ministryAndOblastSeeExactCounts() {
        Map<String, Object> exact = Map.of(D1 + "|M", 6, D1 + "|F", 3, D2 + "|M", 10, D2 + "|F", 12, D3 + "|M", 20,
                D3 + "|F", 25);
        assertThat(bySex(MINISTRY, false)).isEqualTo(exact);
        assertThat(bySex(MINISTRY, true)).as("the confirmed figures, as the ministry reads them").isEqualTo(exact);
        List<Map<String, Object>> akmola = Reports.rows(OBLAST_AKMOLA, ENROLMENT,
                Map.of("level", "DISTRICT", "asOf", day.toString()));
        assertThat(akmola).hasSize(1);
        assertThat(akmola.get(0)).containsEntry("kato", "111000000").containsEntry("students", 2)
                .containsEntry("suppressed", false);
    }

    @Test
    void totalsAboveTheThresholdStayVisible() {
        List<Map<String, Object>> districts = Reports.rows(REPORT_CONSUMER, ENROLMENT,
                Map.of("level", "DISTRICT", "kato", "590000000", "period", enrolmentPeriod));
        Map<String, Object> totals = new HashMap<>();
        districts.forEach(r -> totals.put((String) r.get("kato"), r.get("students")));
        assertThat(totals).isEqualTo(Map.of(D1, 9, D2, 22, D3, 45));
        assertThat(districts).allSatisfy(r -> assertThat(r).containsEntry("basis", "confirmed")
                .containsEntry("period", enrolmentPeriod).containsEntry("censusDate", day.toString())
                .containsEntry("schools", 1));
        assertThat(Reports.rows(REPORT_CONSUMER, ENROLMENT, Map.of("period", enrolmentPeriod)))
                .singleElement().satisfies(r -> assertThat(r).containsEntry("students", 78).containsEntry("schools", 4));
        assertProblem(Reports.get(REPORT_CONSUMER, ENROLMENT, Map.of("level", "SCHOOL", "period", enrolmentPeriod)),
                403);
    }

    @Test
    void theComplementOfASmallOblastIsSuppressedToo() {
        Map<String, Object> oblasts = new HashMap<>();
        Reports.rows(REPORT_CONSUMER, ENROLMENT, Map.of("level", "OBLAST", "period", enrolmentPeriod))
                .forEach(r -> oblasts.put((String) r.get("kato"), r.get("suppressed")));
        assertThat(oblasts).isEqualTo(Map.of("110000000", true, "590000000", true));
    }

    @Test
    void equipmentRowsHideSmallStudentCountsFromReportConsumer() {
        Map<String, Object> hidden = Reports.rows(REPORT_CONSUMER, "/api/v1/rollups/equipment",
                Map.of("level", "DISTRICT", "kato", "111000000", "period", equipmentPeriod)).get(0);
        assertThat(hidden).containsEntry("students", null).containsEntry("studentsPerComputer", null)
                .containsEntry("suppressed", true).containsEntry("schools", 1);
        assertThat(Reports.rows(MINISTRY, "/api/v1/rollups/equipment",
                Map.of("level", "DISTRICT", "kato", "111000000", "asOf", day.toString())).get(0))
                .containsEntry("students", 2).containsEntry("suppressed", false);
    }

    /** The cells by district and sex of oblast 59: the period's confirmed ones, or the day's live ones. */
    private static Map<String, Object> bySex(String caller, boolean confirmed) {
        Map<String, Object> cells = new HashMap<>();
        Map<String, String> params = new HashMap<>(Map.of("level", "DISTRICT", "kato", "590000000", "by", "sex"));
        if (confirmed) {
            params.put("basis", "confirmed");
            params.put("period", enrolmentPeriod);
        } else {
            params.put("asOf", day.toString());
        }
        for (Map<String, Object> r : Reports.rows(caller, ENROLMENT, params)) {
            boolean suppressed = (Boolean) r.get("suppressed");
            assertThat(r.get("students") == null).isEqualTo(suppressed);
            cells.put(r.get("kato") + "|" + r.get("sex"), suppressed ? "suppressed" : r.get("students"));
        }
        return cells;
    }

    private static long total(String caller, LocalDate d) {
        List<Map<String, Object>> rows = Reports.rows(caller, ENROLMENT, Map.of("asOf", d.toString()));
        return rows.isEmpty() ? 0 : ((Number) rows.get(0).get("students")).longValue();
    }
}
