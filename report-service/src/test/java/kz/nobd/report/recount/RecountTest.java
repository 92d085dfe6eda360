package kz.nobd.report.recount;

import static kz.nobd.testing.Tokens.MINISTRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import kz.nobd.contracts.InstitutionCard;
import kz.nobd.contracts.InstitutionStatus;
import kz.nobd.report.testing.FactProducer;
import kz.nobd.report.testing.FactProducer.Spell;
import kz.nobd.report.testing.Reports;
import kz.nobd.report.testing.World;

/**
 * Every rollup and indicator equals an independent recount from the raw facts, at several as-of dates (today's
 * answers come from the in-memory cube, past dates from the daily deltas). The data set: 30 schools in 3 oblasts,
 * urban and rural, spells opened late, closed, transferred, corrected and corrected to empty; a school that
 * moves district, one that moves oblast, one that closes; equipment reports including a late old one, two with
 * the same asOf and reports more than a year old. School rows are compared whole; oblast, district and national
 * rows and the oblasts' indicator cards by how much their counts grew when the data set was published (the test
 * database keeps earlier runs' data; the 3 oblasts are used by no other test); national rows as the sums of the
 * oblast rows. The ratios of a card are checked whole on the schools' own cards.
 */
@QuarkusTest
class RecountTest {
    static final LocalDate YEAR = LocalDate.of(2025, 9, 1);
    static final LocalDate MOVE = LocalDate.of(2026, 1, 15);
    static final LocalDate CLOSE = LocalDate.of(2026, 3, 1);
    static final LocalDate OBLAST_MOVE = LocalDate.of(2026, 5, 4);
    static final List<String> DISTRICTS = List.of("391000000", "391600000", "471000000", "471800000", "591000000",
            "593200000");
    static final List<String> OBLASTS = List.of("390000000", "470000000", "590000000");
    static final String ENROLMENT = "/api/v1/rollups/enrolment";
    static final String EQUIPMENT = "/api/v1/rollups/equipment";
    static final String SCHOOL_DIMS = "grade,sex,language,locality,type,ownership";

    final Random random = new Random(20251);
    final Generated data = new Generated(random);
    final World world = data.world();
    final List<LocalDate> dates = List.of(YEAR, LocalDate.of(2025, 12, 15), MOVE, CLOSE, LocalDate.of(2026, 6, 30),
            Reports.today());

    @Test
    void everyRollupAndIndicatorEqualsARecountAtSeveralDates() {
        Reports.awaitReady();
        Map<String, BigDecimal> before = aggregates();
        data.publish();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(this::schoolRowsEqualTheRecount);
        for (String bin : world.cards.keySet()) {
            for (LocalDate d : List.of(YEAR, Reports.today())) {
                assertIndicatorCard(bin, d);
            }
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Map<String, BigDecimal> after = aggregates();
            Map<String, BigDecimal> ours = expectedAggregates();
            Map<String, BigDecimal> grown = new TreeMap<>();
            for (String key : union(after.keySet(), before.keySet())) {
                BigDecimal g = after.getOrDefault(key, BigDecimal.ZERO).subtract(before.getOrDefault(key, BigDecimal.ZERO));
                if (g.signum() != 0) {
                    grown.put(key, g.stripTrailingZeros());
                }
            }
            Map<String, BigDecimal> expected = new TreeMap<>();
            ours.forEach((k, v) -> {
                if (v.signum() != 0) {
                    expected.put(k, v.stripTrailingZeros());
                }
            });
            Map<String, String> differences = new TreeMap<>();
            for (String key : union(grown.keySet(), expected.keySet())) {
                if (!java.util.Objects.equals(grown.get(key), expected.get(key))) {
                    differences.put(key, "grew by " + grown.get(key) + ", expected " + expected.get(key));
                }
            }
            assertThat(differences).as("aggregate rows that did not grow by the data set's recount").isEmpty();
        });
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1))
                .untilAsserted(this::nationalRowsAreTheSumOfTheOblasts);
    }

    /**
     * The national rows, computed at level NATIONAL, equal the sums of the oblast rows: the country's totals also
     * hold other tests' data (possibly arriving meanwhile), so they are checked against the oblasts, whose growth
     * is checked against the recount.
     */
    private void nationalRowsAreTheSumOfTheOblasts() {
        for (LocalDate d : dates) {
            Map<String, BigDecimal> national = new TreeMap<>();
            Map<String, BigDecimal> oblasts = new TreeMap<>();
            for (var row : Reports.rows(MINISTRY, ENROLMENT, Map.of("level", "NATIONAL", "asOf", d.toString(), "by",
                    "language,type,ownership"))) {
                national.put(row.get("language") + "|" + row.get("type") + "|" + row.get("ownership"),
                        World.number(row.get("students")));
            }
            for (var row : Reports.rows(MINISTRY, ENROLMENT, Map.of("level", "OBLAST", "asOf", d.toString(), "by",
                    "language,type,ownership"))) {
                oblasts.merge(row.get("language") + "|" + row.get("type") + "|" + row.get("ownership"),
                        World.number(row.get("students")), BigDecimal::add);
            }
            oblasts.replaceAll((k, v) -> v.stripTrailingZeros());
            assertThat(national).as("national rows on %s", d).isNotEmpty().isEqualTo(oblasts);
        }
    }

    private void schoolRowsEqualTheRecount() {
        for (String bin : world.cards.keySet()) {
            for (LocalDate d : dates) {
                List<Map<String, Object>> rows = Reports.rows(MINISTRY, ENROLMENT,
                        Map.of("level", "SCHOOL", "bin", bin, "asOf", d.toString(), "by", SCHOOL_DIMS));
                InstitutionCard card = world.placement(bin, d);
                Map<String, Long> actual = new TreeMap<>();
                for (Map<String, Object> row : rows) {
                    assertThat(row.get("districtKato")).as("district of %s on %s", bin, d).isEqualTo(card.districtKato());
                    assertThat(row.get("oblastKato")).as("oblast of %s on %s", bin, d).isEqualTo(card.oblastKato());
                    actual.put(row.get("grade") + "|" + row.get("sex") + "|" + row.get("language") + "|"
                            + row.get("locality") + "|" + row.get("type") + "|" + row.get("ownership"),
                            World.number(row.get("students")).longValue());
                }
                Map<String, Long> expected = new TreeMap<>();
                world.spells.values().stream().filter(s -> s.schoolBin().equals(bin) && s.countsOn(d))
                        .forEach(s -> expected.merge(s.grade() + "|" + s.sex() + "|" + s.language() + "|"
                                + card.locality() + "|" + card.type() + "|" + card.ownership(), 1L, Long::sum));
                assertThat(actual).as("enrolment of %s on %s", bin, d).isEqualTo(expected);

                List<Map<String, Object>> equipment = Reports.rows(MINISTRY, EQUIPMENT,
                        Map.of("level", "SCHOOL", "bin", bin, "asOf", d.toString()));
                if (card.status() != InstitutionStatus.OPEN) {
                    assertThat(equipment).as("a closed school has no equipment row").isEmpty();
                } else {
                    assertThat(equipment).hasSize(1);
                    assertFields(equipment.get(0), world.equipment(List.of(bin), d), "equipment of " + bin + " on " + d);
                }
            }
        }
    }

    private void assertIndicatorCard(String bin, LocalDate d) {
        var json = Reports.get(MINISTRY, "/api/v1/indicators", Map.of("level", "SCHOOL", "bin", bin, "asOf", d.toString()))
                .then().statusCode(200).extract().jsonPath();
        Map<String, BigDecimal> expected = world.equipment(List.of(bin), d);
        assertFields(json.getMap("total"), expected, "indicators of " + bin);
        String locality = world.placement(bin, d).locality().name().toLowerCase();
        assertFields(json.getMap(locality), expected, "the " + locality + " segment of " + bin);
        String other = locality.equals("urban") ? "rural" : "urban";
        assertThat(World.number(json.getMap(other).get("schools"))).isEqualByComparingTo(BigDecimal.ZERO);
    }

    private static void assertFields(Map<String, Object> row, Map<String, BigDecimal> expected, String what) {
        Map<String, BigDecimal> actual = new TreeMap<>();
        Map<String, BigDecimal> wanted = new TreeMap<>();
        expected.forEach((field, value) -> {
            actual.put(field, World.number(row.get(field)));
            wanted.put(field, value == null ? null : value.stripTrailingZeros());
        });
        assertThat(actual).as(what).isEqualTo(wanted);
    }

    /** The aggregate rows that the data set touches, as "what|level|date|unit|breakdown" -> value. */
    private Map<String, BigDecimal> aggregates() {
        Map<String, BigDecimal> values = new HashMap<>();
        for (LocalDate d : dates) {
            for (Map<String, Object> row : Reports.rows(MINISTRY, ENROLMENT, Map.of("level", "OBLAST", "asOf",
                    d.toString(), "by", "language,type,ownership"))) {
                if (OBLASTS.contains(row.get("kato"))) {
                    values.put("E|OBLAST|" + d + "|" + row.get("kato") + "|" + row.get("language") + "|"
                            + row.get("type") + "|" + row.get("ownership"), World.number(row.get("students")));
                }
            }
            for (String oblast : OBLASTS) {
                for (Map<String, Object> row : Reports.rows(MINISTRY, ENROLMENT, Map.of("level", "DISTRICT", "kato",
                        oblast, "asOf", d.toString(), "by", "grade,sex,locality"))) {
                    values.put("E|DISTRICT|" + d + "|" + row.get("kato") + "|" + row.get("grade") + "|"
                            + row.get("sex") + "|" + row.get("locality"), World.number(row.get("students")));
                }
                var card = Reports.get(MINISTRY, "/api/v1/indicators", Map.of("level", "OBLAST", "kato", oblast, "asOf",
                        d.toString())).then().statusCode(200).extract().jsonPath();
                for (String segment : List.of("total", "urban", "rural")) {
                    Map<String, Object> fields = card.getMap(segment);
                    for (String field : COUNTS) {
                        values.put("I|" + d + "|" + oblast + "|" + segment + "|" + field, World.number(fields.get(field)));
                    }
                }
                for (Map<String, Object> row : Reports.rows(MINISTRY, EQUIPMENT, Map.of("level", "DISTRICT", "kato",
                        oblast, "asOf", d.toString(), "by", "locality"))) {
                    for (String field : COUNTS) {
                        values.put("Q|DISTRICT|" + d + "|" + row.get("kato") + "|" + row.get("locality") + "|" + field,
                                World.number(row.get(field)));
                    }
                }
            }
        }
        return values;
    }

    static final List<String> COUNTS = List.of("schools", "reported", "notReported", "students", "studentsInReported",
            "computers", "connected", "broadband", "under2Mbps", "computersTotal", "needsReplacement", "desktopTotal",
            "projectorTotal");

    /** What the data set adds to {@link #aggregates()}, recounted from the raw facts. */
    private Map<String, BigDecimal> expectedAggregates() {
        Map<String, BigDecimal> values = new HashMap<>();
        for (LocalDate d : dates) {
            for (Spell s : world.spells.values()) {
                InstitutionCard c = world.placement(s.schoolBin(), d);
                if (!s.countsOn(d) || c == null) {
                    continue;
                }
                values.merge("E|OBLAST|" + d + "|" + c.oblastKato() + "|" + s.language() + "|" + c.type() + "|"
                        + c.ownership(), BigDecimal.ONE, BigDecimal::add);
                values.merge("E|DISTRICT|" + d + "|" + c.districtKato() + "|" + s.grade() + "|" + s.sex() + "|"
                        + c.locality(), BigDecimal.ONE, BigDecimal::add);
            }
            Map<String, List<String>> byDistrict = world.cards.keySet().stream().filter(b -> world.placement(b, d) != null)
                    .collect(Collectors.groupingBy(b -> world.placement(b, d).districtKato() + "|"
                            + world.placement(b, d).locality()));
            byDistrict.forEach((district, bins) -> world.equipment(bins, d).forEach((field, value) -> {
                if (COUNTS.contains(field)) {
                    values.merge("Q|DISTRICT|" + d + "|" + district + "|" + field, value, BigDecimal::add);
                }
            }));
            for (String oblast : OBLASTS) {
                for (String segment : List.of("total", "urban", "rural")) {
                    List<String> bins = world.cards.keySet().stream().filter(b -> world.placement(b, d) != null
                            && world.placement(b, d).oblastKato().equals(oblast) && (segment.equals("total")
                                    || world.placement(b, d).locality().name().equalsIgnoreCase(segment))).toList();
                    world.equipment(bins, d).forEach((field, value) -> {
                        if (COUNTS.contains(field)) {
                            values.merge("I|" + d + "|" + oblast + "|" + segment + "|" + field, value, BigDecimal::add);
                        }
                    });
                }
            }
        }
        return values;
    }

    private static List<String> union(java.util.Set<String> a, java.util.Set<String> b) {
        List<String> all = new ArrayList<>(a);
        b.stream().filter(k -> !a.contains(k)).forEach(all::add);
        return all;
    }
}
