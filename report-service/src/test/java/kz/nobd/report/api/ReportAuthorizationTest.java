package kz.nobd.report.api;

import static kz.nobd.testing.Problems.assertInvalid;
import static kz.nobd.testing.Problems.assertProblem;
import static kz.nobd.testing.Tokens.MINISTRY;
import static kz.nobd.testing.Tokens.OBLAST_AKMOLA;
import static kz.nobd.testing.Tokens.OBLAST_AKTOBE;
import static kz.nobd.testing.Tokens.REPORT_CONSUMER;
import static kz.nobd.testing.Tokens.SCHOOL_AKMOLA;
import static kz.nobd.testing.Tokens.SCHOOL_AKMOLA_BIN;
import static kz.nobd.testing.Tokens.SCHOOL_ALMATY;
import static kz.nobd.testing.Tokens.SCHOOL_ALMATY_BIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.params.provider.Arguments.arguments;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import kz.nobd.contracts.events.SignoffKind;
import kz.nobd.report.testing.Cards;
import kz.nobd.report.testing.ConfirmedPeriods;
import kz.nobd.report.testing.FactProducer;
import kz.nobd.report.testing.Reports;
import kz.nobd.testing.Callers;
import kz.nobd.testing.Ids;

/**
 * Who may read what (docs/architecture.md, "Security model"), for every endpoint and the callers none, ministry,
 * oblast A (Akmola), oblast B (Aktobe), school X (school.akmola, in Akmola), school Y (school.almaty, in Almaty
 * oblast) and report-consumer: 401 without a valid token, 403 for a role that may never, 404 outside the
 * jurisdiction, and on success bodies that hold nothing from outside it; a school user also reads the indicator cards of
 * its own school's district and oblast, the ministry's cards. report-consumer reads the confirmed figures of
 * LOCKED periods (an ENROLMENT and an EQUIPMENT one holding the signed returns of a new school in Akmola and one in
 * Almaty oblast, six students each yesterday) and nothing live.
 */
@QuarkusTest
class ReportAuthorizationTest {
    static final String X = SCHOOL_AKMOLA_BIN;
    static final String Y = SCHOOL_ALMATY_BIN;
    static final String AKMOLA = "110000000";
    static final String ENROLMENT = "/api/v1/rollups/enrolment";
    static final String EQUIPMENT = "/api/v1/rollups/equipment";
    static final String INDICATORS = "/api/v1/indicators";
    static final String COMPLETENESS = "/api/v1/completeness";
    static final String AUDIT = "/api/v1/audit";
    private static boolean published;
    private static String enrolmentPeriod, equipmentPeriod;
    private static List<String> confirmedSchools;

    /** An endpoint call of the matrix. */
    record Call(String name, String path, Map<String, String> params) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final Call NATIONAL = new Call("enrolment NATIONAL", ENROLMENT, Map.of("level", "NATIONAL"));
    static final Call OBLAST_A = new Call("enrolment OBLAST Akmola", ENROLMENT, Map.of("level", "OBLAST", "kato", AKMOLA));
    static final Call SCHOOL_X = new Call("enrolment SCHOOL X", ENROLMENT, Map.of("level", "SCHOOL", "bin", X));
    static final Call SCHOOL_Y = new Call("enrolment SCHOOL Y", ENROLMENT, Map.of("level", "SCHOOL", "bin", Y));
    static final Call EQUIPMENT_A = new Call("equipment DISTRICT Akmola", EQUIPMENT,
            Map.of("level", "DISTRICT", "kato", AKMOLA));
    static final Call CARD_A = new Call("indicators OBLAST Akmola", INDICATORS, Map.of("level", "OBLAST", "kato", AKMOLA));
    static final Call CARD_X = new Call("indicators SCHOOL X", INDICATORS, Map.of("level", "SCHOOL", "bin", X));
    static final Call COMPLETE_A = new Call("completeness Akmola", COMPLETENESS, Map.of("kind", "enrolment", "kato", AKMOLA));
    static final Call AUDIT_ALL = new Call("audit", AUDIT, Map.of());
    static final List<Call> ALL = List.of(NATIONAL, OBLAST_A, SCHOOL_X, SCHOOL_Y, EQUIPMENT_A, CARD_A, CARD_X,
            COMPLETE_A, AUDIT_ALL);

    @BeforeEach
    void demoSchoolsHaveStudents() {
        if (published) {
            return;
        }
        Reports.awaitReady();
        // the demo schools where the other services' tests put them (a newer registry version wins)
        FactProducer.publishCard(Cards.school(X, "111000000"));
        FactProducer.publishCard(Cards.school(Y, "191000000"));
        for (String bin : List.of(X, Y)) {
            FactProducer.spell(FactProducer.Spell.open(bin, 3, "F", "KK", Reports.today().minusDays(10)), "OPENED");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> rows(MINISTRY, SCHOOL_X).size() > 0
                && rows(MINISTRY, SCHOOL_Y).size() > 0);
        confirmedSchools = List.of(schoolWithSixStudentsYesterday("111000000"),
                schoolWithSixStudentsYesterday("191000000"));
        enrolmentPeriod = ConfirmedPeriods.locked(SignoffKind.ENROLMENT, yesterday(), confirmedSchools);
        equipmentPeriod = ConfirmedPeriods.locked(SignoffKind.EQUIPMENT, yesterday(), confirmedSchools);
        published = true;
    }

    /** A new school with six students counted yesterday only (today's live figures stay as they were). */
    private static String schoolWithSixStudentsYesterday(String district) {
        String bin = Ids.bin();
        FactProducer.publishCard(Cards.school(bin, district));
        for (int i = 0; i < 6; i++) {
            FactProducer.spell(new FactProducer.Spell(UUID.randomUUID(), bin, 5, i % 2 == 0 ? "F" : "M", "KK",
                    yesterday(), Reports.today()), "CLOSED");
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Reports.rows(MINISTRY, ENROLMENT, Map.of("level", "SCHOOL",
                "bin", bin, "asOf", yesterday().toString())).stream().mapToLong(r -> ((Number) r.get("students"))
                        .longValue()).sum() == 6);
        return bin;
    }

    private static LocalDate yesterday() {
        return Reports.today().minusDays(1);
    }

    static Stream<Arguments> matrix() {
        List<Arguments> cases = new ArrayList<>();
        for (Call call : ALL) {
            cases.add(arguments(Callers.NO_TOKEN, call, 401));
            cases.add(arguments(Callers.GARBAGE_TOKEN, call, 401));
            cases.add(arguments(MINISTRY, call, 200));
        }
        expect(cases, OBLAST_AKMOLA, 403, 200, 200, 404, 200, 200, 200, 200, 403);
        expect(cases, OBLAST_AKTOBE, 403, 404, 404, 404, 404, 404, 404, 404, 403);
        // a school reads the card of its own school's oblast (X is in Akmola, Y is not)
        expect(cases, SCHOOL_AKMOLA, 403, 403, 200, 404, 403, 200, 200, 403, 403);
        expect(cases, SCHOOL_ALMATY, 403, 403, 404, 200, 403, 404, 404, 403, 403);
        expect(cases, REPORT_CONSUMER, 200, 200, 403, 403, 200, 200, 403, 403, 403);
        return cases.stream();
    }

    private static void expect(List<Arguments> cases, String caller, int... statuses) {
        for (int i = 0; i < ALL.size(); i++) {
            cases.add(arguments(caller, ALL.get(i), statuses[i]));
        }
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @MethodSource("matrix")
    void everyEndpointForEveryCaller(String caller, Call call, int status) {
        Response response = Reports.get(caller, call.path(), params(caller, call));
        if (status != 200) {
            assertProblem(response, status);
            return;
        }
        response.then().statusCode(200);
        JsonPath json = response.jsonPath();
        if (call == AUDIT_ALL) {
            assertThat(json.getList("items")).isNotNull();
        } else if (call == OBLAST_A) {
            assertThat(json.getList("rows.kato")).containsOnly(AKMOLA);
        } else if (call == SCHOOL_X || call == SCHOOL_Y) {
            assertThat(json.getList("rows.bin")).isNotEmpty().containsOnly(call.params().get("bin"));
        } else if (call == EQUIPMENT_A) {
            assertThat(json.getList("rows.oblastKato")).isNotEmpty().containsOnly(AKMOLA);
        } else if (call == CARD_A) {
            assertThat(json.getString("kato")).isEqualTo(AKMOLA);
            assertThat(json.getLong("total.schools")).isPositive();
        } else if (call == CARD_X) {
            assertThat(json.getString("bin")).isEqualTo(X);
            assertThat(json.getLong("total.students")).isPositive();
        } else if (call == COMPLETE_A) {
            assertThat(json.getList("missing.oblastKato")).allMatch(AKMOLA::equals);
            assertThat(json.getInt("expected")).isPositive();
            assertThat(json.getInt("expected")).isGreaterThanOrEqualTo(json.getInt("reported"));
        } else if (call == NATIONAL) {
            assertThat(json.getLong("rows[0].students")).isPositive();
        }
    }

    @Test
    void reportConsumerReadsConfirmedFiguresOfLockedPeriodsOnly() {
        for (Call call : List.of(NATIONAL, OBLAST_A, EQUIPMENT_A, CARD_A,
                new Call("sdmx", "/api/v1/sdmx/data/enrolment", Map.of("level", "OBLAST")))) {
            Map<String, String> live = new HashMap<>(call.params());
            live.put("basis", "live");
            assertProblem(Reports.get(REPORT_CONSUMER, call.path(), live), 403).body("reason",
                    equalTo("LIVE_FIGURES_REFUSED")).body("detail", containsString("confirmed"));
        }

        String open = ConfirmedPeriods.open(SignoffKind.ENROLMENT, yesterday());
        ConfirmedPeriods.sign(open, confirmedSchools.get(0));
        ConfirmedPeriods.decide(open, "ACCEPT", null, confirmedSchools.subList(0, 1));
        assertProblem(Reports.get(REPORT_CONSUMER, ENROLMENT, Map.of("period", open)), 404)
                .body("reason", equalTo("NO_CONFIRMED_PERIOD")).body("detail", containsString("not LOCKED"));
        assertThat(Reports.rows(MINISTRY, ENROLMENT, Map.of("basis", "confirmed", "period", open)))
                .as("the ministry reads an OPEN period's accepted returns").singleElement()
                .satisfies(r -> assertThat(r).containsEntry("students", 6).containsEntry("schools", 1));

        ConfirmedPeriods.lock(open);
        assertThat(Reports.rows(REPORT_CONSUMER, ENROLMENT, Map.of())).as("without period: the latest LOCKED one")
                .singleElement().satisfies(r -> assertThat(r).containsEntry("period", open)
                        .containsEntry("basis", "confirmed").containsEntry("students", 6).containsEntry("schools", 1));
    }

    @Test
    void unfilteredSchoolRowsAreTheCallersOwn() {
        assertThat(rows(SCHOOL_AKMOLA, new Call("", ENROLMENT, Map.of("level", "SCHOOL")))).extracting(r -> r.get("bin"))
                .containsOnly(X);
        assertThat(rows(SCHOOL_ALMATY, new Call("", EQUIPMENT, Map.of("level", "SCHOOL")))).extracting(r -> r.get("bin"))
                .containsOnly(Y);
        List<Map<String, Object>> akmola = rows(OBLAST_AKMOLA, new Call("", ENROLMENT, Map.of("level", "SCHOOL")));
        assertThat(akmola).extracting(r -> r.get("bin")).contains(X).doesNotContain(Y);
        assertThat(akmola).extracting(r -> r.get("oblastKato")).containsOnly(AKMOLA);
        assertThat(rows(OBLAST_AKMOLA, new Call("", ENROLMENT, Map.of("level", "DISTRICT"))))
                .extracting(r -> r.get("oblastKato")).isNotEmpty().containsOnly(AKMOLA);
    }

    @Test
    void aSchoolReadsTheCardsOfItsOwnDistrictAndOblastAsTheMinistryReadsThem() {
        Map<String, Object> x = rows(MINISTRY, SCHOOL_X).get(0);
        String district = (String) x.get("districtKato");
        assertThat(x.get("oblastKato")).as("the demo school X is in Akmola").isEqualTo(AKMOLA);
        String neighbour = neighbourIn(district);
        Map<String, String> ownDistrict = Map.of("level", "DISTRICT", "kato", district);
        Map<String, String> ownOblast = Map.of("level", "OBLAST", "kato", AKMOLA);
        for (Map<String, String> unit : List.of(ownDistrict, ownOblast)) {
            // the same card as the ministry's, once both answers reflect the same data
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(card(SCHOOL_AKMOLA, unit))
                    .as("school X's card of " + unit).isEqualTo(card(MINISTRY, unit)));
            JsonPath mine = Reports.get(SCHOOL_AKMOLA, INDICATORS, unit).then().statusCode(200).extract().jsonPath();
            assertThat(mine.getString("kato")).isEqualTo(unit.get("kato"));
            assertThat(mine.getString("bin")).isNull();
            assertThat(mine.getInt("total.schools")).as("more than X alone").isGreaterThan(1);
        }
        // confirmed figures: the card of the period's census date, computed as for the ministry
        Map<String, String> confirmed = Map.of("level", "OBLAST", "kato", AKMOLA, "basis", "confirmed",
                "period", equipmentPeriod);
        assertThat(card(SCHOOL_AKMOLA, confirmed)).isEqualTo(card(MINISTRY, confirmed))
                .containsEntry("asOf", yesterday().toString());

        String otherDistrict = district.equals("111000000") ? "111600000" : "111000000";
        for (Map<String, String> outside : List.of(Map.of("level", "DISTRICT", "kato", otherDistrict),
                Map.of("level", "DISTRICT", "kato", "191000000"), Map.of("level", "OBLAST", "kato", "190000000"),
                Map.of("level", "OBLAST", "kato", "150000000"),
                Map.of("level", "DISTRICT", "kato", district, "bin", neighbour))) {
            assertProblem(Reports.get(SCHOOL_AKMOLA, INDICATORS, outside), 404)
                    .body("detail", containsString("in your jurisdiction"));
            Reports.get(MINISTRY, INDICATORS, outside).then().statusCode(200);
        }
        assertProblem(Reports.get(SCHOOL_AKMOLA, INDICATORS, Map.of("level", "NATIONAL")), 403)
                .body("detail", containsString("not NATIONAL"));
        assertInvalid(Reports.get(SCHOOL_AKMOLA, INDICATORS, Map.of("level", "DISTRICT")), "kato", "needs kato");
        // only the card: rollups, completeness and SDMX of its district or oblast stay refused
        for (String path : List.of(ENROLMENT, EQUIPMENT, "/api/v1/sdmx/data/enrolment")) {
            assertProblem(Reports.get(SCHOOL_AKMOLA, path, ownDistrict), 403);
            assertProblem(Reports.get(SCHOOL_AKMOLA, path, ownOblast), 403);
        }
        assertProblem(Reports.get(SCHOOL_AKMOLA, COMPLETENESS, Map.of("kind", "equipment", "kato", district)), 403);
    }

    /** A new school in {@code district} with a student today (so the district holds more than school X). */
    private static String neighbourIn(String district) {
        String bin = Ids.bin();
        FactProducer.publishCard(Cards.school(bin, district));
        FactProducer.spell(FactProducer.Spell.open(bin, 4, "M", "RU", Reports.today().minusDays(10)), "OPENED");
        await().atMost(Duration.ofSeconds(30)).until(() -> rows(MINISTRY, new Call("", ENROLMENT,
                Map.of("level", "SCHOOL", "bin", bin))).size() > 0);
        return bin;
    }

    /** The indicator card {@code caller} gets (200) for {@code params}. */
    private static Map<String, Object> card(String caller, Map<String, String> params) {
        return Reports.get(caller, INDICATORS, params).then().statusCode(200).extract().jsonPath().getMap("$");
    }

    /** The call's parameters; report-consumer's name the LOCKED period of the figures it reads. */
    private static Map<String, String> params(String caller, Call call) {
        Map<String, String> params = new HashMap<>(call.params());
        if (caller.equals(REPORT_CONSUMER) && call.path().equals(ENROLMENT)) {
            params.put("period", enrolmentPeriod);
        } else if (caller.equals(REPORT_CONSUMER) && List.of(EQUIPMENT, INDICATORS).contains(call.path())) {
            params.put("period", equipmentPeriod);
        }
        return params;
    }

    private static List<Map<String, Object>> rows(String caller, Call call) {
        return Reports.rows(caller, call.path(), call.params());
    }
}
