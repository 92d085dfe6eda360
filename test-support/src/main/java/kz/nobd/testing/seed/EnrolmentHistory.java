package kz.nobd.testing.seed;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import kz.nobd.contracts.events.EnrolmentEventType;
import kz.nobd.contracts.events.WithdrawalReason;

/**
 * The enrolment events of three school years at every school, as the schools would have reported them:
 * <ul>
 * <li>in the first year of the activity (or the first a school was open in) every student ENROLLED on 1 September;</li>
 * <li>each later 1 September every student PROMOTED to the next grade (1 % repeat a grade, never twice), a new
 * pre-school class and grade 1 ENROLLED (intakes growing in cities, shrinking a little in villages) and about 1.5 %
 * newcomers in other grades;</li>
 * <li>during a year (from mid-September to 20 May, up to today) about 2.5 % (the demo; the national benchmark 5 %)
 * TRANSFERRED to another school of
 * the same district (TRANSFERRED and ENROLLED on the same day; WITHDRAWN when the district has no other school
 * that teaches the grade) and about 1 % WITHDRAWN with a reason;</li>
 * <li>on 25 May (once it has passed) the top grade GRADUATED, and at schools up to grade 11 about 30 % of grade 9
 * too (they leave with the basic-school certificate, for college).</li>
 * </ul>
 * Schools are visited in BIN order and students in the order they joined, each school and year with its own random
 * source, so the same seed and schools give the same events.
 */
final class EnrolmentHistory {
    static final double TRANSFER_RATE = 0.025;
    static final double WITHDRAWAL_RATE = 0.01;
    static final double NEWCOMER_RATE = 0.015;
    static final double REPEAT_RATE = 0.01;
    static final double LEAVE_AFTER_9 = 0.3;
    private static final WithdrawalReason[] REASONS = {WithdrawalReason.MOVED_ABROAD, WithdrawalReason.MOVED_ABROAD,
        WithdrawalReason.MOVED_UNKNOWN_SCHOOL, WithdrawalReason.MOVED_UNKNOWN_SCHOOL, WithdrawalReason.HOME_SCHOOLING,
        WithdrawalReason.HEALTH, WithdrawalReason.DROPPED_OUT, WithdrawalReason.OTHER};

    private final long seed;
    private final double transferRate;
    private final SchoolCalendar calendar;
    private final SyntheticIins iins;
    private final List<SchoolProfile> reporting = new ArrayList<>();
    private final Map<String, List<SchoolProfile>> byDistrict = new HashMap<>();
    private final Map<String, List<Student>> rolls = new LinkedHashMap<>();
    private final Map<String, Integer> firstYear = new HashMap<>();
    private final Map<String, Integer> sizes = new HashMap<>();
    private final List<EnrolmentEvent> events = new ArrayList<>();

    /** {@code transferRate}: the share of a school's students transferring during a year. */
    EnrolmentHistory(List<SchoolProfile> profiles, long seed, double transferRate, SchoolCalendar calendar,
            SyntheticIins iins) {
        this.seed = seed;
        this.transferRate = transferRate;
        this.calendar = calendar;
        this.iins = iins;
        for (SchoolProfile profile : profiles) {
            if (!profile.silent()) {
                reporting.add(profile);
                byDistrict.computeIfAbsent(profile.school().districtKato(), d -> new ArrayList<>()).add(profile);
                rolls.put(profile.school().bin(), new ArrayList<>());
            }
        }
    }

    /** Makes the events of every year; returns them in the order they were made. */
    List<EnrolmentEvent> make() {
        for (int year : calendar.years()) {
            for (SchoolProfile school : reporting) {
                if (school.school().isOpenOn(SchoolCalendar.start(year))) {
                    startYear(school, year);
                    sizes.put(school.school().bin() + "/" + year, roll(school).size());
                }
            }
            List<Runnable> arrivals = new ArrayList<>();
            for (SchoolProfile school : reporting) {
                moves(school, year, arrivals);
            }
            arrivals.forEach(Runnable::run);
            if (calendar.hasHappened(SchoolCalendar.lastDay(year))) {
                reporting.forEach(school -> endYear(school, year));
            }
        }
        return List.copyOf(events);
    }

    /** Students at a school on 1 September of {@code year} after that day's events (0 when it reported none). */
    int studentsAt(String bin, int year) {
        return sizes.getOrDefault(bin + "/" + year, 0);
    }

    private List<Student> roll(SchoolProfile school) {
        return rolls.get(school.school().bin());
    }

    private void startYear(SchoolProfile school, int year) {
        String bin = school.school().bin();
        LocalDate start = SchoolCalendar.start(year);
        Random random = Seeds.random(seed, bin, year, "september");
        Integer first = firstYear.putIfAbsent(bin, year);
        if (first == null) {
            for (int grade : school.grades()) {
                admit(school, random, year, grade, school.gradeSize(grade, 0), "g" + grade);
            }
            return;
        }
        for (Student student : roll(school)) {
            if (!student.repeatedAGrade && Seeds.chance(random, REPEAT_RATE)) {
                student.repeatedAGrade = true;
                continue;
            }
            student.grade++;
            events.add(event(EnrolmentEventType.PROMOTED, student, bin, start));
        }
        int yearsOpen = year - first;
        if (school.preSchool()) {
            admit(school, random, year, 0, school.gradeSize(0, yearsOpen), "g0");
        }
        long inGrade1 = roll(school).stream().filter(s -> s.grade == 1).count();
        admit(school, random, year, 1, school.gradeSize(1, yearsOpen) - inGrade1, "g1");
        int newcomers = (int) Math.round(roll(school).size() * NEWCOMER_RATE * Seeds.between(random, 0.5, 1.5));
        for (int i = 0; i < newcomers; i++) {
            int grade = 2 + random.nextInt(school.topGrade() - 1);
            admit(school, random, year, grade, 1, "new" + i);
        }
    }

    /** ENROLLED on 1 September: about {@code expected} (+-15 %) new students in {@code grade}. */
    private void admit(SchoolProfile school, Random random, int year, int grade, double expected, String group) {
        int count = (int) Math.round(Math.max(0, expected) * (expected >= 1 ? Seeds.between(random, 0.85, 1.15) : 1));
        String bin = school.school().bin();
        for (int i = 0; i < count; i++) {
            String key = bin + "/" + year + "/" + group + "/" + i;
            Random person = Seeds.random(seed, key);
            String iin = iins.next(person, SyntheticIins.birthDate(person, year, grade), Seeds.chance(person, 0.51));
            Student student = new Student(key, iin, school.language(person), grade);
            roll(school).add(student);
            events.add(event(EnrolmentEventType.ENROLLED, student, bin, SchoolCalendar.start(year)));
        }
    }

    /**
     * Transfers and withdrawals during the year; arrivals at other schools are applied after every school's moves.
     * Each move is drawn in full (day, target, reason) whatever the day today, and sent only once its day has come:
     * a run on a later day repeats every event of an earlier run and adds the moves that have come due since.
     */
    private void moves(SchoolProfile school, int year, List<Runnable> arrivals) {
        String bin = school.school().bin();
        if (!firstYear.containsKey(bin)) {
            return;
        }
        LocalDate from = SchoolCalendar.start(year).plusDays(14);
        int days = (int) ChronoUnit.DAYS.between(from, SchoolCalendar.lastMoveDay(year)) + 1;
        Random random = Seeds.random(seed, bin, year, "moves");
        Set<Student> leaving = new HashSet<>();
        for (Student student : roll(school)) {
            double draw = random.nextDouble();
            if (draw >= transferRate + WITHDRAWAL_RATE) {
                continue;
            }
            LocalDate on = from.plusDays(random.nextInt(days));
            SchoolProfile target = draw < transferRate ? target(school, student, random) : null;
            WithdrawalReason reason = REASONS[random.nextInt(REASONS.length)];
            if (!calendar.hasHappened(on)) {
                continue;
            }
            leaving.add(student);
            if (target == null) {
                events.add(EnrolmentEvent.withdrawn(id(student, EnrolmentEventType.WITHDRAWN, bin, on), student.iin,
                        bin, student.grade, student.language, on, reason));
                continue;
            }
            String targetBin = target.school().bin();
            events.add(EnrolmentEvent.transferred(id(student, EnrolmentEventType.TRANSFERRED, bin, on), student.iin,
                    bin, student.grade, student.language, on, targetBin));
            arrivals.add(() -> {
                student.language = target.languageFor(student.language);
                roll(target).add(student);
                events.add(event(EnrolmentEventType.ENROLLED, student, targetBin, on));
            });
        }
        roll(school).removeAll(leaving);
    }

    /**
     * Another school of the district that has students already (its history started) and teaches the student's
     * grade; null if none.
     */
    private SchoolProfile target(SchoolProfile school, Student student, Random random) {
        List<SchoolProfile> candidates = byDistrict.get(school.school().districtKato()).stream()
                .filter(s -> s != school && firstYear.containsKey(s.school().bin()) && s.topGrade() >= student.grade
                        && (student.grade > 0 || s.preSchool()))
                .toList();
        return candidates.isEmpty() ? null : candidates.get(random.nextInt(candidates.size()));
    }

    private void endYear(SchoolProfile school, int year) {
        String bin = school.school().bin();
        Random random = Seeds.random(seed, bin, year, "may");
        LocalDate lastDay = SchoolCalendar.lastDay(year);
        List<Student> graduates = new ArrayList<>();
        for (Student student : roll(school)) {
            boolean top = student.grade == school.topGrade();
            boolean basic = student.grade == 9 && school.topGrade() > 9 && Seeds.chance(random, LEAVE_AFTER_9);
            if (top || basic) {
                graduates.add(student);
                events.add(event(EnrolmentEventType.GRADUATED, student, bin, lastDay));
            }
        }
        roll(school).removeAll(graduates);
    }

    private EnrolmentEvent event(EnrolmentEventType type, Student student, String bin, LocalDate on) {
        return EnrolmentEvent.of(id(student, type, bin, on), type, student.iin, bin, student.grade, student.language,
                on);
    }

    /** The event id: from the seed, the student, the kind of event, the school and the day, so a rerun repeats it. */
    private UUID id(Student student, EnrolmentEventType type, String bin, LocalDate on) {
        return Seeds.id(seed, student.key, type, bin, on);
    }
}
