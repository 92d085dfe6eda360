package kz.nobd.report.signoff;

import static kz.nobd.testing.Problems.assertProblem;
import static kz.nobd.testing.Tokens.MINISTRY;
import static kz.nobd.testing.Tokens.REPORT_CONSUMER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kz.nobd.contracts.events.SignoffKind;
import kz.nobd.report.testing.Cards;
import kz.nobd.report.testing.ConfirmedPeriods;
import kz.nobd.report.testing.FactProducer;
import kz.nobd.report.testing.FactProducer.Spell;
import kz.nobd.report.testing.Reports;
import kz.nobd.report.testing.World;
import kz.nobd.testing.Ids;

/**
 * Confirmed figures recounted by the test (docs/signoff.md, "Official figures in reports"). A dozen new schools in
 * two districts of North Kazakhstan with random spells around a census date twenty days ago; in an ENROLMENT period
 * as of that date eleven returns are signed, nine accepted, one returned, one left SIGNED, one left DRAFT. The
 * expected confirmed rollup is worked out here from the signed figures of the ACCEPTED returns as the ministry reads
 * them, not from the service's code. A late spell for the census date changes the live figures at once, the
 * confirmed ones only by sending its return back to DRAFT; once the period is LOCKED a late spell moves nothing.
 */
@QuarkusTest
class ConfirmedRecountTest {
    static final String ENROLMENT = "/api/v1/rollups/enrolment";
    static final String D1 = "591000000", D2 = "593200000", OBLAST = "590000000";

    private final LocalDate census = Reports.today().minusDays(20);
    private final Map<String, String> districtOf = new LinkedHashMap<>();
    private final List<Spell> spells = new ArrayList<>();

    @BeforeEach
    void caughtUp() {
        Reports.awaitReady();
    }

    @Test
    void theConfirmedRollupIsTheAcceptedSignedReturnsUntilTheirFiguresChangeOrThePeriodIsLocked() {
        List<String> bins = schoolsWithSpells();
        String period = ConfirmedPeriods.open(SignoffKind.ENROLMENT, census);
        List<String> accepted = bins.subList(0, 9);
        String returned = bins.get(9), signedOnly = bins.get(10), draft = bins.get(11);
        bins.subList(0, 11).forEach(bin -> ConfirmedPeriods.sign(period, bin));
        ConfirmedPeriods.decide(period, "ACCEPT", null, accepted);
        ConfirmedPeriods.decide(period, "RETURN", "grade 3 has a class missing", List.of(returned));

        Map<String, JsonPath> returns = new LinkedHashMap<>();
        bins.forEach(bin -> returns.put(bin, ConfirmedPeriods.read(period, bin).jsonPath()));
        accepted.forEach(bin -> assertThat(returns.get(bin).getString("status")).isEqualTo("ACCEPTED"));
        assertThat(returns.get(returned).getString("status")).isEqualTo("RETURNED");
        assertThat(returns.get(signedOnly).getString("status")).isEqualTo("SIGNED");
        assertThat(returns.get(draft).getString("status")).isEqualTo("DRAFT");
        assertThat(returns.get(draft).getMap("signed")).isNull();
        bins.subList(0, 11).forEach(bin -> assertThat(signedCells(returns.get(bin)))
                .as("the signed figures of %s are the spells the test published", bin).isEqualTo(published(bin)));

        Map<String, JsonPath> acceptedReturns = new LinkedHashMap<>(returns);
        acceptedReturns.keySet().retainAll(accepted);
        assertConfirmed(period, acceptedReturns);

        // a late spell of an accepted school for the census date: live at once, confirmed never
        String late = accepted.get(0);
        long liveBefore = live(late);
        FactProducer.spell(Spell.open(late, 2, "F", "KK", census.minusDays(1)), "OPENED");
        await().atMost(Duration.ofSeconds(30)).until(() -> live(late) == liveBefore + 1);
        Map<String, JsonPath> withoutLate = new LinkedHashMap<>(acceptedReturns);
        withoutLate.remove(late);
        Map<List<Object>, Long> seen = byDistrictGradeSex(period);
        if (status(period, late).equals("ACCEPTED")) { // read after the rollup: it was ACCEPTED then too
            assertThat(seen).isEqualTo(expected(acceptedReturns));
        } else {
            assertThat(seen).isIn(expected(acceptedReturns), expected(withoutLate));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> status(period, late).equals("DRAFT"));
        JsonPath reverted = ConfirmedPeriods.read(period, late).jsonPath();
        assertThat(reverted.getMap("history[-1]")).containsEntry("from", "ACCEPTED").containsEntry("to", "DRAFT")
                .containsEntry("actor", "nobd").containsEntry("actorRole", "system")
                .containsEntry("reason", "DATA_CHANGED_AFTER_SIGNING")
                .containsEntry("digest", returns.get(late).getString("signed.signature.digest"));
        assertThat(reverted.getMap("signed")).isNull();
        assertThat(reverted.getList("signatures.digest")).containsExactly(returns.get(late)
                .getString("signed.signature.digest"));
        assertConfirmed(period, withoutLate);

        assertProblem(Reports.get(REPORT_CONSUMER, ENROLMENT, Map.of("period", period)), 404)
                .body("reason", equalTo("NO_CONFIRMED_PERIOD"));
        ConfirmedPeriods.lock(period);
        Map<String, String> after = new HashMap<>();
        bins.forEach(bin -> after.put(bin, status(period, bin)));
        Map<String, String> expectedStatus = new HashMap<>();
        withoutLate.keySet().forEach(bin -> expectedStatus.put(bin, "LOCKED"));
        expectedStatus.putAll(Map.of(late, "DRAFT", returned, "RETURNED", signedOnly, "SIGNED", draft, "DRAFT"));
        assertThat(after).isEqualTo(expectedStatus);
        assertConfirmed(period, withoutLate);
        long total = expected(withoutLate).values().stream().mapToLong(Long::longValue).sum();
        assertThat(Reports.rows(REPORT_CONSUMER, ENROLMENT, Map.of("period", period))).singleElement()
                .satisfies(r -> assertThat(r).containsEntry("students", (int) total).containsEntry("schools", 8));

        // a late spell once the period is LOCKED: live changes, the LOCKED return and the confirmed figures stay
        String lockedSchool = accepted.get(1);
        long lockedBefore = live(lockedSchool);
        FactProducer.spell(Spell.open(lockedSchool, 4, "M", "RU", census.minusDays(3)), "OPENED");
        await().atMost(Duration.ofSeconds(30)).until(() -> live(lockedSchool) == lockedBefore + 1);
        Map<List<Object>, Long> confirmed = expected(withoutLate);
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(10))
                .until(() -> status(period, lockedSchool).equals("LOCKED")
                        && byDistrictGradeSex(period).equals(confirmed));
        assertThat(ConfirmedPeriods.read(period, lockedSchool).jsonPath().getList("history.to"))
                .containsExactly("SIGNED", "ACCEPTED", "LOCKED");
    }

    @Test
    void confirmedEquipmentIsTheSignedReport() {
        String bin = Ids.bin();
        FactProducer.publishCard(Cards.school(bin, D1));
        for (int i = 0; i < 7; i++) {
            FactProducer.spell(Spell.open(bin, 6, i % 2 == 0 ? "M" : "F", "KK", census.minusDays(30)), "OPENED");
        }
        FactProducer.equipment(new FactProducer.Equipment(UUID.randomUUID(), bin, census.minusDays(5),
                List.of(FactProducer.device("DESKTOP", 10, 8, 2), FactProducer.device("LAPTOP", 6, 5, 1),
                        FactProducer.device("PROJECTOR", 2, 2, 0)), true, 12.5, Instant.now()));
        Map<String, String> liveRow = Map.of("level", "SCHOOL", "bin", bin, "asOf", census.toString());
        await().atMost(Duration.ofSeconds(30)).until(() -> Reports.rows(MINISTRY, "/api/v1/rollups/equipment", liveRow)
                .stream().anyMatch(r -> r.get("reported").equals(1) && r.get("students").equals(7)));
        String period = ConfirmedPeriods.open(SignoffKind.EQUIPMENT, census);
        ConfirmedPeriods.sign(period, bin);
        ConfirmedPeriods.decide(period, "ACCEPT", null, List.of(bin));

        JsonPath signed = ConfirmedPeriods.read(period, bin).jsonPath();
        assertThat(signed.getString("status")).isEqualTo("ACCEPTED");
        assertThat(signed.getInt("signed.figures.students")).isEqualTo(7);
        assertThat(signed.getString("signed.figures.report.asOf")).isEqualTo(census.minusDays(5).toString());
        assertThat(signed.getList("signed.figures.report.devices.kind")).containsExactly("DESKTOP", "LAPTOP",
                "PROJECTOR");
        assertThat(signed.getMap("signed.figures.report.internet")).containsEntry("connected", true)
                .containsEntry("downloadMbps", "12.5");
        Map<String, BigDecimal> expected = equipmentOf(signed);

        Map<String, String> confirmed = Map.of("basis", "confirmed", "period", period);
        for (Map<String, String> unit : List.of(Map.of("level", "SCHOOL", "bin", bin),
                Map.of("level", "DISTRICT", "kato", D1), Map.of("level", "NATIONAL"))) {
            Map<String, Object> query = new HashMap<>(unit);
            query.putAll(confirmed);
            assertThat(Reports.rows(MINISTRY, "/api/v1/rollups/equipment", query)).as(unit.toString())
                    .singleElement().satisfies(row -> {
                        assertThat(numbers(row, expected.keySet())).isEqualTo(expected);
                        assertThat(row).containsEntry("basis", "confirmed").containsEntry("period", period)
                                .containsEntry("censusDate", census.toString()).containsEntry("schools", 1);
                    });
        }
        Map<String, Object> card = new HashMap<>(Map.of("level", "SCHOOL", "bin", bin));
        card.putAll(confirmed);
        JsonPath indicators = Reports.get(MINISTRY, "/api/v1/indicators", card).then().statusCode(200).extract()
                .jsonPath();
        assertThat(numbers(indicators.getMap("total"), expected.keySet())).isEqualTo(expected);
        assertThat(numbers(indicators.getMap("rural"), expected.keySet())).isEqualTo(expected);
        assertThat(indicators.getMap("total")).containsEntry("period", period).containsEntry("schools", 1);
        assertThat(indicators.getMap("urban")).containsEntry("schools", 0);
        assertThat(indicators.getString("asOf")).isEqualTo(census.toString());

        ConfirmedPeriods.lock(period); // the recheck of later runs need not look at it again
        Map<String, Object> national = new HashMap<>(Map.of("level", "NATIONAL", "period", period));
        assertThat(Reports.rows(REPORT_CONSUMER, "/api/v1/rollups/equipment", national)).singleElement()
                .satisfies(row -> assertThat(numbers(row, expected.keySet())).isEqualTo(expected));
    }

    /** The confirmed rollup at DISTRICT (by grade and sex), OBLAST and NATIONAL level is the sum of {@code returns}. */
    private void assertConfirmed(String period, Map<String, JsonPath> returns) {
        Map<List<Object>, Long> expected = expected(returns);
        assertThat(byDistrictGradeSex(period)).isEqualTo(expected);
        Map<String, Integer> schools = new HashMap<>();
        returns.values().forEach(r -> schools.merge(r.getString("districtKato"), 1, Integer::sum));
        for (Map<String, Object> row : confirmedRows(period, Map.of("level", "DISTRICT", "by", "grade,sex"))) {
            assertThat(row).containsEntry("basis", "confirmed").containsEntry("period", period)
                    .containsEntry("censusDate", census.toString()).containsEntry("schools", schools.get(row.get("kato")));
            assertThat((String) row.get("periodName")).startsWith("enrolment test ");
        }
        long total = expected.values().stream().mapToLong(Long::longValue).sum();
        assertThat(confirmedRows(period, Map.of("level", "OBLAST"))).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("kato", OBLAST).containsEntry("students", (int) total)
                .containsEntry("schools", returns.size()));
        assertThat(confirmedRows(period, Map.of("level", "NATIONAL"))).singleElement().satisfies(r -> assertThat(r)
                .containsEntry("students", (int) total).containsEntry("schools", returns.size()));
    }

    /** Students by (district, grade, sex) summed from the signed figures of {@code returns}. */
    private static Map<List<Object>, Long> expected(Map<String, JsonPath> returns) {
        Map<List<Object>, Long> sums = new HashMap<>();
        for (JsonPath r : returns.values()) {
            for (Map<String, Object> cell : r.<Map<String, Object>>getList("signed.figures.cells")) {
                sums.merge(List.of(r.getString("districtKato"), cell.get("grade"), cell.get("sex")),
                        ((Number) cell.get("students")).longValue(), Long::sum);
            }
        }
        return sums;
    }

    private Map<List<Object>, Long> byDistrictGradeSex(String period) {
        Map<List<Object>, Long> seen = new HashMap<>();
        for (Map<String, Object> row : confirmedRows(period, Map.of("level", "DISTRICT", "by", "grade,sex"))) {
            assertThat(seen.put(List.of(row.get("kato"), row.get("grade"), row.get("sex")),
                    ((Number) row.get("students")).longValue())).isNull();
        }
        return seen;
    }

    private static List<Map<String, Object>> confirmedRows(String period, Map<String, String> params) {
        Map<String, Object> query = new HashMap<>(params);
        query.put("basis", "confirmed");
        query.put("period", period);
        return Reports.rows(MINISTRY, ENROLMENT, query);
    }

    /** Today's (live) count of the school on the census date. */
    private long live(String bin) {
        return Reports.rows(MINISTRY, ENROLMENT, Map.of("level", "SCHOOL", "bin", bin, "asOf", census.toString()))
                .stream().mapToLong(r -> ((Number) r.get("students")).longValue()).sum();
    }

    private static String status(String period, String bin) {
        return ConfirmedPeriods.read(period, bin).jsonPath().getString("status");
    }

    /**
     * Twelve new schools, six in each district, each with four to nine students on the census date (one of them
     * enrolled that very day) and three spells that do not count on it: one left on the census date, one left
     * before it, one enrolled after it. Returns when the live figures of the census date hold them all.
     */
    private List<String> schoolsWithSpells() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        List<String> bins = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            String bin = Ids.bin();
            String district = i < 6 ? D1 : D2;
            FactProducer.publishCard(Cards.school(bin, district));
            districtOf.put(bin, district);
            bins.add(bin);
            int counted = random.nextInt(4, 10);
            for (int s = 0; s < counted; s++) {
                LocalDate from = s == 0 ? census : census.minusDays(random.nextInt(1, 300));
                LocalDate to = s % 3 == 1 ? census.plusDays(random.nextInt(1, 15)) : null;
                spell(new Spell(UUID.randomUUID(), bin, random.nextInt(1, 5), random.nextBoolean() ? "M" : "F",
                        random.nextBoolean() ? "KK" : "RU", from, to));
            }
            spell(new Spell(UUID.randomUUID(), bin, 2, "M", "KK", census.minusDays(100), census));
            spell(new Spell(UUID.randomUUID(), bin, 3, "F", "RU", census.minusDays(100), census.minusDays(7)));
            spell(new Spell(UUID.randomUUID(), bin, 4, "F", "KK", census.plusDays(1), null));
        }
        for (String district : List.of(D1, D2)) {
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                Map<String, Long> live = new HashMap<>();
                Reports.rows(MINISTRY, ENROLMENT, Map.of("level", "SCHOOL", "kato", district, "asOf", census.toString()))
                        .forEach(r -> live.put((String) r.get("bin"), ((Number) r.get("students")).longValue()));
                return districtOf.entrySet().stream().filter(e -> e.getValue().equals(district)).allMatch(e ->
                        live.getOrDefault(e.getKey(), 0L) == published(e.getKey()).values().stream()
                                .mapToLong(Long::longValue).sum());
            });
        }
        return bins;
    }

    private void spell(Spell s) {
        spells.add(s);
        FactProducer.spell(s, s.validTo() == null ? "OPENED" : "CLOSED");
    }

    /** The test's own count of a school's spells on the census date by (grade, sex, language). */
    private Map<List<Object>, Long> published(String bin) {
        Map<List<Object>, Long> cells = new HashMap<>();
        spells.stream().filter(s -> s.schoolBin().equals(bin) && s.countsOn(census))
                .forEach(s -> cells.merge(List.of(s.grade(), s.sex(), s.language()), 1L, Long::sum));
        return cells;
    }

    private static Map<List<Object>, Long> signedCells(JsonPath signedReturn) {
        Map<List<Object>, Long> cells = new HashMap<>();
        for (Map<String, Object> cell : signedReturn.<Map<String, Object>>getList("signed.figures.cells")) {
            assertThat(cells.put(List.of(cell.get("grade"), cell.get("sex"), cell.get("language")),
                    ((Number) cell.get("students")).longValue())).isNull();
        }
        return cells;
    }

    /** The equipment figures of one school worked out from its signed EQUIPMENT return (docs/report.md). */
    private static Map<String, BigDecimal> equipmentOf(JsonPath signed) {
        long students = signed.getLong("signed.figures.students");
        long computers = 0, total = 0, replace = 0, desktops = 0, projectors = 0;
        for (Map<String, Object> d : signed.<Map<String, Object>>getList("signed.figures.report.devices")) {
            int t = (Integer) d.get("total");
            if (List.of("DESKTOP", "LAPTOP", "TABLET").contains(d.get("kind"))) {
                computers += (Integer) d.get("forTeaching");
                total += t;
                replace += (Integer) d.get("needsReplacement");
            }
            desktops += d.get("kind").equals("DESKTOP") ? t : 0;
            projectors += d.get("kind").equals("PROJECTOR") ? t : 0;
        }
        BigDecimal mbps = new BigDecimal(signed.getString("signed.figures.report.internet.downloadMbps"));
        boolean connected = signed.getBoolean("signed.figures.report.internet.connected");
        Map<String, BigDecimal> f = new LinkedHashMap<>();
        f.put("schools", BigDecimal.ONE);
        f.put("reported", BigDecimal.ONE);
        f.put("notReported", BigDecimal.ZERO);
        f.put("students", BigDecimal.valueOf(students));
        f.put("studentsInReported", BigDecimal.valueOf(students));
        f.put("computers", BigDecimal.valueOf(computers));
        f.put("studentsPerComputer", ratio(students, computers, 2));
        f.put("connected", BigDecimal.valueOf(connected ? 1 : 0));
        f.put("broadband", BigDecimal.valueOf(mbps.compareTo(BigDecimal.valueOf(4)) >= 0 ? 1 : 0));
        f.put("under2Mbps", BigDecimal.valueOf(mbps.compareTo(BigDecimal.valueOf(2)) < 0 ? 1 : 0));
        f.put("computersTotal", BigDecimal.valueOf(total));
        f.put("needsReplacement", BigDecimal.valueOf(replace));
        f.put("needsReplacementShare", ratio(replace, total, 4));
        f.put("desktopTotal", BigDecimal.valueOf(desktops));
        f.put("projectorTotal", BigDecimal.valueOf(projectors));
        f.replaceAll((field, value) -> value.stripTrailingZeros()); // compared as World.number reads the answer
        return f;
    }

    private static BigDecimal ratio(long a, long b, int scale) {
        return BigDecimal.valueOf(a).divide(BigDecimal.valueOf(b), scale, RoundingMode.HALF_UP);
    }

    private static Map<String, BigDecimal> numbers(Map<String, Object> row, Iterable<String> fields) {
        Map<String, BigDecimal> numbers = new LinkedHashMap<>();
        fields.forEach(f -> numbers.put(f, World.number(row.get(f))));
        return numbers;
    }
}
