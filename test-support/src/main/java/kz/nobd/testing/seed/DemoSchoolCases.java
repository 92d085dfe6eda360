package kz.nobd.testing.seed;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import kz.nobd.contracts.Language;
import kz.nobd.contracts.events.EnrolmentEventType;
import kz.nobd.contracts.events.WithdrawalReason;

/**
 * Mistakes for the demo schools of deploy/seed/demo-institutions.csv (users school.akmola and school.almaty), so that
 * their rejections and conflicts are not empty. At each demo school, in the current school year:
 * <ul>
 * <li>PROMOTED of a student never enrolled anywhere (INVALID_TRANSITION);</li>
 * <li>WITHDRAWN of a student never enrolled (INVALID_TRANSITION);</li>
 * <li>a student ENROLLED on 1 September and ENROLLED again on 20 September (the second INVALID_TRANSITION);</li>
 * <li>that first ENROLLED sent again under the same event id with another language (EVENT_ID_REUSED);</li>
 * <li>a student ENROLLED and then PROMOTED into the same grade (INVALID_TRANSITION).</li>
 * </ul>
 * With both demo schools present, one student ENROLLED at each of them without a transfer, in each direction: a
 * CONFLICT for each school (the school the student was at first).
 */
final class DemoSchoolCases {
    public static final String AKMOLA = "210540000010";
    public static final String ALMATY = "210540000020";

    private final long seed;
    private final SchoolCalendar calendar;
    private final SyntheticIins iins;
    private final List<EnrolmentEvent> events = new ArrayList<>();
    private final List<EnrolmentEvent> meantToBeRejected = new ArrayList<>();
    private final Map<String, String> studentIins = new HashMap<>();

    DemoSchoolCases(long seed, SchoolCalendar calendar, SyntheticIins iins) {
        this.seed = seed;
        this.calendar = calendar;
        this.iins = iins;
    }

    static boolean isDemoSchool(String bin) {
        return AKMOLA.equals(bin) || ALMATY.equals(bin);
    }

    /** Makes the cases for the demo schools among {@code bins}. */
    DemoSchoolCases make(Set<String> bins) {
        for (String bin : List.of(AKMOLA, ALMATY)) {
            if (bins.contains(bin)) {
                mistakes(bin);
            }
        }
        if (bins.contains(AKMOLA) && bins.contains(ALMATY)) {
            claimedByBoth(AKMOLA, ALMATY);
            claimedByBoth(ALMATY, AKMOLA);
        }
        return this;
    }

    List<EnrolmentEvent> events() {
        return List.copyOf(events);
    }

    /** The events of {@link #events()} that ingest is to reject. */
    List<EnrolmentEvent> meantToBeRejected() {
        return List.copyOf(meantToBeRejected);
    }

    private void mistakes(String bin) {
        rejected(event(bin + "/never-enrolled", "promoted", bin, EnrolmentEventType.PROMOTED, 6, day(10, 5)));
        String neverEnrolled = bin + "/never-enrolled-withdrawn";
        rejected(EnrolmentEvent.withdrawn(id(neverEnrolled, "withdrawn", bin), iin(neverEnrolled, 7), bin, 7,
                Language.KK, day(10, 12), WithdrawalReason.MOVED_ABROAD));

        String twice = bin + "/enrolled-twice";
        EnrolmentEvent enrolled = event(twice, "enrolled", bin, EnrolmentEventType.ENROLLED, 3, day(9, 1));
        events.add(enrolled);
        rejected(event(twice, "enrolled-again", bin, EnrolmentEventType.ENROLLED, 3, day(9, 20)));
        rejected(enrolled.withLanguage(Language.RU));

        String sameGrade = bin + "/promoted-same-grade";
        events.add(event(sameGrade, "enrolled", bin, EnrolmentEventType.ENROLLED, 6, day(9, 1)));
        rejected(event(sameGrade, "promoted", bin, EnrolmentEventType.PROMOTED, 6, day(10, 1)));
    }

    private void claimedByBoth(String first, String second) {
        String student = "claimed-by-" + first + "-then-" + second;
        events.add(event(student, "enrolled-first", first, EnrolmentEventType.ENROLLED, 8, day(9, 1)));
        events.add(event(student, "enrolled-second", second, EnrolmentEventType.ENROLLED, 8, day(9, 15)));
    }

    private void rejected(EnrolmentEvent event) {
        events.add(event);
        meantToBeRejected.add(event);
    }

    /** An event of the case's {@code student}; {@code what} tells the student's events apart. */
    private EnrolmentEvent event(String student, String what, String bin, EnrolmentEventType type, int grade,
            LocalDate on) {
        return EnrolmentEvent.of(id(student, what, bin), type, iin(student, grade), bin, grade, Language.KK, on);
    }

    private UUID id(String student, String what, String bin) {
        return Seeds.id(seed, "demo-case", student, what, bin);
    }

    /** The IIN of the case's student: the same every time the student is named. */
    private String iin(String student, int grade) {
        return studentIins.computeIfAbsent(student, s -> {
            Random random = Seeds.random(seed, "demo-case", s);
            return iins.next(random, SyntheticIins.birthDate(random, calendar.currentYear(), grade),
                    Seeds.chance(random, 0.5));
        });
    }

    /** A day of the current school year (month, day of month), today at the latest. */
    private LocalDate day(int month, int dayOfMonth) {
        int year = month >= 9 ? calendar.currentYear() : calendar.currentYear() + 1;
        return calendar.notAfterToday(LocalDate.of(year, month, dayOfMonth));
    }
}
