package kz.nobd.testing.seed;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import kz.nobd.contracts.Checksum12;
import kz.nobd.contracts.Iin;
import kz.nobd.contracts.InstitutionType;
import kz.nobd.contracts.Language;
import kz.nobd.contracts.Locality;
import kz.nobd.contracts.events.Device;
import kz.nobd.contracts.events.DeviceKind;
import kz.nobd.contracts.events.EnrolmentEventType;
import kz.nobd.contracts.events.EquipmentInputReport;
import kz.nobd.contracts.events.InternetTechnology;

/** The demo activity's plan, without a stack: deterministic, and every event one ingest accepts (but the mistakes). */
class ActivityPlanTest {
    static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    static final String DISTRICT_A = "111010000";
    static final String DISTRICT_B = "191010000";
    static final String LONELY_DISTRICT = "351010000";
    static final LocalDate OPENED_LATE = LocalDate.of(2025, 9, 1);
    static final LocalDate OPENED_THIS_YEAR = LocalDate.of(2026, 9, 1);

    static final List<School> SCHOOLS = schools();
    static final Map<String, School> BY_BIN = SCHOOLS.stream().collect(Collectors.toMap(School::bin, s -> s));
    static final ActivityPlan PLAN = ActivityPlan.make(SCHOOLS, 7, 120, TODAY);

    /**
     * Two districts of 12 schools (a demo school in each, one school opened in 2025, one in 2026) and a district of one
     * small school.
     */
    static List<School> schools() {
        List<School> schools = new ArrayList<>();
        schools.add(new School(DemoSchoolCases.AKMOLA, InstitutionType.SCHOOL, Locality.RURAL, DISTRICT_A,
                List.of(Language.KK, Language.RU), 420, LocalDate.of(1972, 9, 1)));
        schools.add(new School(DemoSchoolCases.ALMATY, InstitutionType.SCHOOL, Locality.RURAL, DISTRICT_B,
                List.of(Language.KK, Language.RU), 380, LocalDate.of(1968, 9, 1)));
        InstitutionType[] types = {InstitutionType.SCHOOL, InstitutionType.SMALL_SCHOOL, InstitutionType.BOARDING};
        for (int i = 1; i <= 22; i++) {
            boolean urban = i % 3 == 0;
            InstitutionType type = urban ? InstitutionType.SCHOOL : types[i % types.length];
            List<Language> languages = i % 4 == 0 ? List.of(Language.RU) : i % 7 == 0 ? List.of(Language.UZ, Language.KK)
                    : List.of(Language.KK, Language.RU);
            Integer capacity = type == InstitutionType.SMALL_SCHOOL ? Integer.valueOf(60) : urban ? Integer.valueOf(1500) : null;
            LocalDate opened = i == 5 ? OPENED_LATE : i == 6 ? OPENED_THIS_YEAR : LocalDate.of(1960 + i, 9, 1);
            schools.add(new School(bin(i), type, urban ? Locality.URBAN : Locality.RURAL, i % 2 == 0 ? DISTRICT_A
                    : DISTRICT_B, languages, capacity, opened));
        }
        schools.add(new School(bin(99), InstitutionType.SMALL_SCHOOL, Locality.RURAL, LONELY_DISTRICT,
                List.of(Language.KK), 40, LocalDate.of(1990, 9, 1)));
        return schools;
    }

    /** A synthetic BIN with a valid check digit. */
    static String bin(int serial) {
        for (int s = serial * 10; ; s++) {
            String first11 = String.format("2105400%04d", s);
            int digit = Checksum12.checkDigit(first11);
            if (digit >= 0) {
                return first11 + digit;
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameActivityAndAnotherSeedAnother() {
        List<School> reversed = new ArrayList<>(SCHOOLS);
        Collections.reverse(reversed);
        ActivityPlan again = ActivityPlan.make(reversed, 7, 120, TODAY);
        assertThat(again.events()).isEqualTo(PLAN.events());
        assertThat(again.equipmentReports()).isEqualTo(PLAN.equipmentReports());
        assertThat(again.meantToBeRejected()).isEqualTo(PLAN.meantToBeRejected());

        ActivityPlan other = ActivityPlan.make(SCHOOLS, 8, 120, TODAY);
        assertThat(other.events().stream().map(EnrolmentEvent::eventId))
                .doesNotContainAnyElementsOf(PLAN.events().stream().map(EnrolmentEvent::eventId).toList());
        // ids are unique but for the demo schools' event sent again under its id with other content
        assertThat(PLAN.events().stream().filter(e -> !PLAN.meantToBeRejected().contains(e)).map(EnrolmentEvent::eventId))
                .doesNotHaveDuplicates();
    }

    @Test
    void aRunOnALaterDayOfTheSchoolYearRepeatsEveryEventAndAddsTheMovesDueSince() {
        ActivityPlan later = ActivityPlan.make(SCHOOLS, 7, 120, LocalDate.of(2027, 3, 1));
        Set<EnrolmentEvent> earlier = new HashSet<>(PLAN.events());
        assertThat(new HashSet<>(later.events())).containsAll(earlier);
        assertThat(later.events().stream().filter(e -> !earlier.contains(e)))
                .isNotEmpty()
                .allMatch(e -> e.occurredOn().isAfter(TODAY) && (e.type() == EnrolmentEventType.TRANSFERRED
                        || e.type() == EnrolmentEventType.WITHDRAWN || e.type() == EnrolmentEventType.ENROLLED));
        assertThat(later.equipmentReports()).isEqualTo(PLAN.equipmentReports());
    }

    @Test
    void threeSchoolYearsOfEveryKindOfEventUpToToday() {
        assertThat(PLAN.events()).extracting(EnrolmentEvent::schoolYear).containsOnly("2024-2025", "2025-2026",
                "2026-2027");
        assertThat(PLAN.events()).extracting(EnrolmentEvent::type).contains(EnrolmentEventType.values());
        for (EnrolmentEvent e : PLAN.events()) {
            assertThat(e.occurredOn()).as("%s", e).isBeforeOrEqualTo(TODAY)
                    .isAfterOrEqualTo(BY_BIN.get(e.schoolBin()).openedOn());
            assertThat(e.schoolYear()).as("%s", e).isEqualTo(SchoolCalendar.schoolYearOf(e.occurredOn()));
        }
        assertThat(PLAN.events()).isSortedAccordingTo(EnrolmentEvent.POSTING_ORDER);
        assertThat(PLAN.events().stream().filter(e -> e.schoolBin().equals(bin(5))).map(EnrolmentEvent::occurredOn))
                .isNotEmpty().allMatch(d -> !d.isBefore(OPENED_LATE));
    }

    /**
     * Replays each student's events in posting order as ingest's rules do: ENROLLED needs no open enrolment (but the
     * two demo conflicts), PROMOTED one at that school from an earlier school year into the next grade, TRANSFERRED,
     * WITHDRAWN and GRADUATED one at that school in that grade; a transfer goes to another school of the same district
     * that enrols the student the same day.
     */
    @Test
    void everyEventButTheDemoMistakesFollowsTheEnrolmentRules() {
        record Spell(String bin, int grade, LocalDate since) {
        }
        Map<String, Spell> open = new HashMap<>();
        Map<String, EnrolmentEvent> pendingTransfer = new HashMap<>();
        int conflicts = 0;
        int promotions = 0;
        int promotionsAfterARepeatedYear = 0;
        for (EnrolmentEvent e : PLAN.events()) {
            if (PLAN.meantToBeRejected().contains(e)) {
                continue;
            }
            Spell spell = open.get(e.studentIin());
            switch (e.type()) {
                case ENROLLED -> {
                    EnrolmentEvent transfer = pendingTransfer.remove(e.studentIin());
                    if (spell != null) {
                        assertThat(DemoSchoolCases.isDemoSchool(spell.bin()) && DemoSchoolCases.isDemoSchool(e.schoolBin()))
                                .as("ENROLLED while enrolled elsewhere: %s", e).isTrue();
                        conflicts++;
                    }
                    if (transfer != null) {
                        assertThat(e.schoolBin()).isEqualTo(transfer.toSchoolBin());
                        assertThat(e.occurredOn()).isEqualTo(transfer.occurredOn());
                        assertThat(e.grade()).isEqualTo(transfer.grade());
                    }
                    open.put(e.studentIin(), new Spell(e.schoolBin(), e.grade(), e.occurredOn()));
                }
                case PROMOTED -> {
                    assertThat(spell).as("PROMOTED without enrolment: %s", e).isNotNull();
                    assertThat(spell.bin()).isEqualTo(e.schoolBin());
                    assertThat(e.grade()).isEqualTo(spell.grade() + 1);
                    assertThat(e.occurredOn()).isEqualTo(SchoolCalendar.start(e.occurredOn().getYear()));
                    assertThat(spell.since()).isBefore(e.occurredOn());
                    promotions++;
                    if (spell.since().isBefore(e.occurredOn().minusYears(1))) {
                        promotionsAfterARepeatedYear++;
                    }
                    open.put(e.studentIin(), new Spell(e.schoolBin(), e.grade(), e.occurredOn()));
                }
                case TRANSFERRED, WITHDRAWN, GRADUATED -> {
                    assertThat(spell).as("%s without enrolment: %s", e.type(), e).isNotNull();
                    assertThat(spell.bin()).isEqualTo(e.schoolBin());
                    assertThat(spell.grade()).isEqualTo(e.grade());
                    assertThat(spell.since()).isBefore(e.occurredOn());
                    open.remove(e.studentIin());
                    if (e.type() == EnrolmentEventType.TRANSFERRED) {
                        assertThat(e.toSchoolBin()).isNotEqualTo(e.schoolBin());
                        assertThat(BY_BIN.get(e.toSchoolBin()).districtKato())
                                .isEqualTo(BY_BIN.get(e.schoolBin()).districtKato());
                        pendingTransfer.put(e.studentIin(), e);
                    }
                    if (e.type() == EnrolmentEventType.GRADUATED) {
                        assertThat(e.grade()).isIn(9, 11);
                        assertThat(e.occurredOn()).isEqualTo(SchoolCalendar.lastDay(e.occurredOn().getYear() - 1));
                    }
                }
            }
        }
        assertThat(pendingTransfer).as("transfers without the arrival").isEmpty();
        assertThat(conflicts).isEqualTo(2);
        assertThat(promotionsAfterARepeatedYear).isPositive().isLessThan(promotions / 50);
    }

    @Test
    void iinsAreValidUniquePerStudentAndMatchTheGrade() {
        for (EnrolmentEvent e : PLAN.events()) {
            assertThat(Iin.problemWith(e.studentIin())).as("%s", e).isNull();
            LocalDate born = Iin.parse(e.studentIin()).birthDate();
            int age = Period.between(born, SchoolCalendar.start(SchoolCalendar.firstYearOf(e.occurredOn()))).getYears();
            assertThat(age - e.grade()).as("age %d: %s", age, e).isBetween(5, 7);
        }
        Map<Character, Long> bySex = PLAN.events().stream().filter(e -> e.type() == EnrolmentEventType.ENROLLED)
                .collect(Collectors.groupingBy(e -> Iin.parse(e.studentIin()).sex(), Collectors.counting()));
        assertThat(bySex.keySet()).containsExactlyInAnyOrder('M', 'F');
        // a student first seen at one school is the same person everywhere: no IIN opens two histories
        Set<String> arrivals = PLAN.events().stream().filter(t -> t.type() == EnrolmentEventType.TRANSFERRED)
                .map(t -> t.studentIin() + t.toSchoolBin()).collect(Collectors.toSet());
        Map<String, Long> firstEnrolments = PLAN.events().stream()
                .filter(e -> e.type() == EnrolmentEventType.ENROLLED && !DemoSchoolCases.isDemoSchool(e.schoolBin()))
                .filter(e -> !arrivals.contains(e.studentIin() + e.schoolBin()))
                .collect(Collectors.groupingBy(EnrolmentEvent::studentIin, Collectors.counting()));
        assertThat(firstEnrolments.values()).containsOnly(1L);
    }

    @Test
    void languagesAreTheSchoolsAndMostlyKazakh() {
        for (EnrolmentEvent e : PLAN.events()) {
            assertThat(BY_BIN.get(e.schoolBin()).languages()).as("%s", e).contains(e.language());
        }
        Map<Language, Long> byLanguage = PLAN.events().stream().filter(e -> e.type() == EnrolmentEventType.ENROLLED)
                .collect(Collectors.groupingBy(EnrolmentEvent::language, Collectors.counting()));
        assertThat(byLanguage.get(Language.KK)).isGreaterThan(byLanguage.get(Language.RU));
        assertThat(byLanguage).containsKeys(Language.KK, Language.RU, Language.UZ);
    }

    @Test
    void schoolSizesVaryWithTypeAndLocalityAndFollowTheAverageAsked() {
        Map<String, Long> firstYear = PLAN.events().stream()
                .filter(e -> e.type() == EnrolmentEventType.ENROLLED && e.occurredOn().equals(LocalDate.of(2024, 9, 1)))
                .collect(Collectors.groupingBy(EnrolmentEvent::schoolBin, Collectors.counting()));
        Function<InstitutionType, Double> averageRural = type -> SCHOOLS.stream()
                .filter(s -> s.type() == type && s.isRural() && firstYear.containsKey(s.bin()))
                .mapToLong(s -> firstYear.get(s.bin())).average().orElseThrow();
        double urban = SCHOOLS.stream().filter(s -> !s.isRural() && firstYear.containsKey(s.bin()))
                .mapToLong(s -> firstYear.get(s.bin())).average().orElseThrow();
        assertThat(averageRural.apply(InstitutionType.SMALL_SCHOOL)).isLessThan(40);
        assertThat(averageRural.apply(InstitutionType.SCHOOL)).isBetween(40.0, urban);
        assertThat(urban).isGreaterThan(150);
        assertThat(firstYear.values().stream().distinct().count()).isGreaterThan(firstYear.size() / 2);

        ActivityPlan small = ActivityPlan.make(SCHOOLS, 7, 12, TODAY);
        assertThat(small.events().size()).isLessThan(PLAN.events().size() / 5);
    }

    @Test
    void theDemoSchoolsGetMistakesOfEveryKindAndTheirReports() {
        assertThat(PLAN.meantToBeRejected()).hasSize(10);
        assertThat(PLAN.meantToBeRejected()).extracting(EnrolmentEvent::schoolBin)
                .containsOnly(DemoSchoolCases.AKMOLA, DemoSchoolCases.ALMATY);
        // one of each school reuses the id of an event that is accepted, with other content
        assertThat(PLAN.meantToBeRejected()).filteredOn(m -> PLAN.events().stream()
                .anyMatch(e -> e.eventId().equals(m.eventId()) && !e.equals(m))).hasSize(2);
        assertThat(PLAN.equipmentReports()).extracting(EquipmentInputReport::schoolBin)
                .contains(DemoSchoolCases.AKMOLA, DemoSchoolCases.ALMATY);

        ActivityPlan withoutDemoSchools = ActivityPlan.make(SCHOOLS.subList(2, SCHOOLS.size()), 7, 120, TODAY);
        assertThat(withoutDemoSchools.meantToBeRejected()).isEmpty();
    }

    @Test
    void equipmentReportsOfTwoCensusesAreValidAndImprove() {
        assertThat(PLAN.equipmentReports()).extracting(EquipmentInputReport::asOf)
                .containsOnly(LocalDate.of(2025, 10, 1), LocalDate.of(2026, 10, 1));
        for (EquipmentInputReport r : PLAN.equipmentReports()) {
            assertThat(r.devices()).as("%s", r).extracting(Device::kind).doesNotHaveDuplicates().contains(DeviceKind.DESKTOP);
            for (Device d : r.devices()) {
                assertThat(d.forTeaching()).as("%s", r).isBetween(0, d.total());
                assertThat(d.needsReplacement()).as("%s", r).isBetween(0, d.total());
            }
            boolean connected = r.internet().technology() != InternetTechnology.NONE;
            assertThat(r.internet().connected()).as("%s", r).isEqualTo(connected);
            assertThat(r.internet().downloadMbps().signum() > 0).as("%s", r).isEqualTo(connected);
            assertThat(r.asOf()).as("%s", r).isAfterOrEqualTo(BY_BIN.get(r.schoolBin()).openedOn());
        }
        assertThat(PLAN.equipmentReports()).extracting(EquipmentInputReport::reportId).doesNotHaveDuplicates();
        Map<String, List<EquipmentInputReport>> bySchool = PLAN.equipmentReports().stream()
                .collect(Collectors.groupingBy(EquipmentInputReport::schoolBin));
        assertThat(bySchool.get(bin(6))).extracting(EquipmentInputReport::asOf)
                .containsExactly(LocalDate.of(2026, 10, 1)); // opened after the first census
        long improved = bySchool.values().stream().filter(r -> r.size() == 2)
                .filter(r -> computers(r.get(1)) > computers(r.get(0))).count();
        assertThat(improved).isGreaterThan(bySchool.size() * 2 / 3);

        List<School> many = new ArrayList<>();
        for (int i = 100; i < 1100; i++) {
            many.add(new School(bin(i), InstitutionType.SCHOOL, Locality.URBAN, DISTRICT_A, List.of(Language.KK), null,
                    LocalDate.of(2000, 9, 1)));
        }
        long reporting = ActivityPlan.make(many, 7, 2, TODAY).equipmentReports().stream()
                .map(EquipmentInputReport::schoolBin).distinct().count();
        assertThat(reporting).isBetween(920L, 980L); // about 5 % never report
    }

    @Test
    void batchesHoldAtMost5000EventsInPostingOrderAndNoIdTwice() {
        List<School> many = new ArrayList<>(SCHOOLS);
        for (int i = 200; i < 260; i++) {
            many.add(new School(bin(i), InstitutionType.SCHOOL, Locality.URBAN, DISTRICT_A, List.of(Language.KK), null,
                    LocalDate.of(2000, 9, 1)));
        }
        ActivityPlan plan = ActivityPlan.make(many, 7, 120, TODAY);
        List<List<EnrolmentEvent>> batches = DemoActivity.batches(plan.events());
        assertThat(batches.size()).isGreaterThan(plan.events().size() / 5_000);
        assertThat(batches).allSatisfy(b -> {
            assertThat(b).hasSizeBetween(1, 5_000);
            assertThat(b).extracting(EnrolmentEvent::eventId).doesNotHaveDuplicates();
        });
        assertThat(batches.stream().flatMap(List::stream).toList()).isEqualTo(plan.events());
    }

    @Test
    void eventsAreWrittenInTheShapeIngestTakes() throws Exception {
        EnrolmentEvent transfer = PLAN.events().stream().filter(e -> e.type() == EnrolmentEventType.TRANSFERRED)
                .findFirst().orElseThrow();
        EnrolmentEvent promotion = PLAN.events().stream().filter(e -> e.type() == EnrolmentEventType.PROMOTED)
                .findFirst().orElseThrow();
        assertThat(ApiClient.JSON.readTree(ApiClient.JSON.writeValueAsString(transfer)).fieldNames())
                .toIterable().containsExactly("eventId", "type", "studentIin", "schoolBin", "grade", "language",
                        "occurredOn", "schoolYear", "toSchoolBin");
        String json = ApiClient.JSON.writeValueAsString(promotion);
        assertThat(json).contains("\"occurredOn\":\"" + promotion.occurredOn() + "\"").doesNotContain("toSchoolBin")
                .doesNotContain("reason");
    }

    private static int computers(EquipmentInputReport report) {
        return report.devices().stream().filter(d -> d.kind() == DeviceKind.DESKTOP || d.kind() == DeviceKind.LAPTOP
                || d.kind() == DeviceKind.TABLET).mapToInt(Device::forTeaching).sum();
    }
}
