package kz.nobd.report.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import kz.nobd.contracts.InstitutionType;
import kz.nobd.contracts.Locality;
import kz.nobd.contracts.Ownership;
import kz.nobd.contracts.events.SignoffKind;
import kz.nobd.testing.Ids;
import kz.nobd.testing.Tokens;

/**
 * The enrolment the SDMX tests read: students by district, locality, grade and sex, counted on one day only, a
 * day no earlier run used (the test database keeps old data), so the messages of that day hold exactly these
 * cells. One school per district and locality. For report-consumer, in district 591000000 grade 2 boys (3) and
 * grade 12 boys (1) are small; in 593200000 grade 11 girls (2) are small and grade 6 girls (25) their complement.
 * report-consumer reads them as the confirmed figures of {@link #period()}: a LOCKED ENROLMENT period as of that day
 * holding the signed returns of these schools.
 */
public final class SdmxCells {
    public static final String D1 = "591000000", D2 = "593200000", AKMOLA_DISTRICT = "111000000";

    public record Cell(String district, Locality locality, int grade, String sex, int students) {
    }

    public static final List<Cell> CELLS = List.of(
            new Cell(D1, Locality.RURAL, 0, "F", 7),
            new Cell(D1, Locality.RURAL, 1, "M", 6),
            new Cell(D1, Locality.RURAL, 2, "M", 3),
            new Cell(D1, Locality.RURAL, 5, "F", 10),
            new Cell(D1, Locality.RURAL, 7, "F", 8),
            new Cell(D1, Locality.RURAL, 10, "M", 12),
            new Cell(D1, Locality.RURAL, 12, "M", 1),
            new Cell(D1, Locality.URBAN, 3, "F", 20),
            new Cell(D1, Locality.URBAN, 9, "M", 15),
            new Cell(D2, Locality.URBAN, 4, "M", 30),
            new Cell(D2, Locality.URBAN, 6, "F", 25),
            new Cell(D2, Locality.URBAN, 11, "F", 2),
            new Cell(AKMOLA_DISTRICT, Locality.RURAL, 1, "F", 5),
            new Cell(AKMOLA_DISTRICT, Locality.RURAL, 8, "M", 9));

    private static LocalDate day;
    private static final Map<String, String> SCHOOLS = new HashMap<>();
    private static String period;

    private SdmxCells() {
    }

    /** The day of the cells, published (and counted, as the ministry sees them) on first use. */
    public static synchronized LocalDate day() {
        if (day != null) {
            return day;
        }
        Reports.awaitReady();
        LocalDate candidate;
        do {
            candidate = LocalDate.of(2001, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(0, 18 * 365));
        } while (!Reports.rows(Tokens.MINISTRY, "/api/v1/rollups/enrolment", Map.of("asOf", candidate.toString()))
                .isEmpty());
        long total = 0;
        for (Cell cell : CELLS) {
            String bin = SCHOOLS.computeIfAbsent(cell.district() + cell.locality(), k -> {
                String b = Ids.bin();
                FactProducer.publishCard(Cards.open(b, cell.district(), InstitutionType.SCHOOL, Ownership.STATE,
                        cell.locality()));
                return b;
            });
            for (int i = 0; i < cell.students(); i++) {
                FactProducer.spell(new FactProducer.Spell(UUID.randomUUID(), bin, cell.grade(), cell.sex(), "KK",
                        candidate, candidate.plusDays(1)), "CLOSED");
            }
            total += cell.students();
        }
        LocalDate chosen = candidate;
        long expected = total;
        await().atMost(Duration.ofSeconds(30)).until(() -> students(chosen) == expected);
        day = chosen;
        return day;
    }

    /** The LOCKED ENROLMENT period as of {@link #day()} holding the signed returns of the cells' schools. */
    public static synchronized String period() {
        if (period == null) {
            period = ConfirmedPeriods.locked(SignoffKind.ENROLMENT, day(), SCHOOLS.values());
        }
        return period;
    }

    /**
     * The observations the message of {@code level} (OBLAST or DISTRICT) must hold, worked out from the cells
     * alone: key {@code REF_AREA|ISCED11|SEX|URBANISATION}, value the count.
     */
    public static Map<String, String> expected(String level) {
        Map<String, Long> sums = new HashMap<>();
        for (Cell cell : CELLS) {
            String area = level.equals("OBLAST") ? cell.district().substring(0, 2) + "0000000" : cell.district();
            sums.merge(key(area, cell.grade(), cell.sex(), cell.locality().name()), (long) cell.students(), Long::sum);
        }
        Map<String, String> expected = new HashMap<>();
        sums.forEach((k, v) -> expected.put(k, v.toString()));
        return expected;
    }

    /** The key of an observation of a grade: its ISCED 2011 level as docs/report.md maps grades. */
    public static String key(String area, int grade, String sex, String locality) {
        String isced = grade == 0 ? "02" : grade <= 4 ? "1" : grade <= 9 ? "2" : "3";
        return area + "|" + isced + "|" + sex + "|" + (locality.equals("URBAN") ? "U" : "R");
    }

    private static long students(LocalDate d) {
        List<Map<String, Object>> rows = Reports.rows(Tokens.MINISTRY, "/api/v1/rollups/enrolment",
                Map.of("asOf", d.toString()));
        return rows.isEmpty() ? 0 : ((Number) rows.get(0).get("students")).longValue();
    }
}
