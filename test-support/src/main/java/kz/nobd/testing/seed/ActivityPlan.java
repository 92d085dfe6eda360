package kz.nobd.testing.seed;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import kz.nobd.contracts.events.EquipmentInputReport;

/**
 * Everything the demo activity sends, made before anything is sent (so it can be checked without a stack): the
 * enrolment events in posting order, the events among them ingest is meant to reject, and the equipment reports.
 * The same schools, seed, size and day give the same plan.
 *
 * @param schools           the general-education schools it was made for, in BIN order
 * @param events            enrolment events in {@link EnrolmentEvent#POSTING_ORDER}
 * @param meantToBeRejected the demo schools' mistakes ({@link DemoSchoolCases}), also in {@code events}
 * @param equipmentReports  the census reports, school by school
 * @param silentSchools     schools that report no enrolment
 * @param calendar          the day it was made for and its dates
 */
public record ActivityPlan(List<School> schools, List<EnrolmentEvent> events, List<EnrolmentEvent> meantToBeRejected,
        List<EquipmentInputReport> equipmentReports, Set<String> silentSchools, SchoolCalendar calendar) {

    /** The activity of {@code schools} (any order) with {@code studentsPerSchool} students on average, up to {@code today}. */
    public static ActivityPlan make(List<School> schools, long seed, int studentsPerSchool, LocalDate today) {
        return make(schools, seed, studentsPerSchool, today, EnrolmentHistory.TRANSFER_RATE, new SyntheticIins());
    }

    /**
     * The same with {@code transferRate} of the students transferring during a year, and IINs unique across every
     * plan made with the same {@code iins} (a country made region by region).
     */
    static ActivityPlan make(List<School> schools, long seed, int studentsPerSchool, LocalDate today,
            double transferRate, SyntheticIins iins) {
        if (studentsPerSchool < 1) {
            throw new IllegalArgumentException("students per school must be at least 1, was " + studentsPerSchool);
        }
        SchoolCalendar calendar = new SchoolCalendar(today);
        List<SchoolProfile> profiles = schools.stream().sorted(Comparator.comparing(School::bin))
                .map(s -> SchoolProfile.of(s, seed, studentsPerSchool)).toList();
        EnrolmentHistory history = new EnrolmentHistory(profiles, seed, transferRate, calendar, iins);
        List<EnrolmentEvent> events = new ArrayList<>(history.make());
        DemoSchoolCases cases = new DemoSchoolCases(seed, calendar, iins)
                .make(profiles.stream().map(p -> p.school().bin()).collect(Collectors.toSet()));
        events.addAll(cases.events());
        events.sort(EnrolmentEvent.POSTING_ORDER);

        EquipmentCensus census = new EquipmentCensus(seed);
        List<LocalDate> censuses = calendar.censusDates();
        List<EquipmentInputReport> reports = new ArrayList<>();
        for (SchoolProfile profile : profiles) {
            List<Integer> students = censuses.stream()
                    .map(d -> history.studentsAt(profile.school().bin(), SchoolCalendar.firstYearOf(d))).toList();
            reports.addAll(census.reports(profile, censuses, students));
        }
        Set<String> silent = profiles.stream().filter(SchoolProfile::silent).map(p -> p.school().bin())
                .collect(Collectors.toUnmodifiableSet());
        return new ActivityPlan(profiles.stream().map(SchoolProfile::school).toList(), List.copyOf(events),
                cases.meantToBeRejected(), List.copyOf(reports), silent, calendar);
    }
}
