package kz.nobd.testing.seed;

import java.time.LocalDate;
import java.time.Month;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The dates of the demo activity as seen on {@code today}: the three school years ending with the current one
 * (a school year runs from 1 September to 31 August), the censuses on 1 October, and the rule that nothing is dated
 * after today.
 */
public record SchoolCalendar(LocalDate today) {
    static final int YEARS = 3;

    /** The first calendar year of the current school year: 2026 for 2026-12-02 and for 2027-03-01. */
    int currentYear() {
        return firstYearOf(today);
    }

    /** The first calendar years of the school years covered, oldest first. */
    List<Integer> years() {
        return IntStream.range(0, YEARS).map(i -> currentYear() - YEARS + 1 + i).boxed().toList();
    }

    static String schoolYear(int year) {
        return (year + "-" + (year + 1)).intern(); // one string per school year, however many events
    }

    /** The school year a date lies in ("2025-2026" for 2026-05-25). */
    static String schoolYearOf(LocalDate date) {
        return schoolYear(firstYearOf(date));
    }

    /** The first calendar year of the school year a date lies in (2025 for 2026-05-25). */
    static int firstYearOf(LocalDate date) {
        return date.getMonthValue() >= Month.SEPTEMBER.getValue() ? date.getYear() : date.getYear() - 1;
    }

    static LocalDate start(int year) {
        return LocalDate.of(year, Month.SEPTEMBER, 1);
    }

    /** The last day of lessons, when grade 11 graduates. */
    static LocalDate lastDay(int year) {
        return LocalDate.of(year + 1, Month.MAY, 25);
    }

    /** The last day a move (transfer, withdrawal) is dated in a school year. */
    static LocalDate lastMoveDay(int year) {
        return LocalDate.of(year + 1, Month.MAY, 20);
    }

    boolean hasHappened(LocalDate date) {
        return !date.isAfter(today);
    }

    /** {@code date}, or today when it lies later. */
    LocalDate notAfterToday(LocalDate date) {
        return date.isAfter(today) ? today : date;
    }

    /** The two latest 1 Octobers on or before today, older first: the equipment censuses. */
    List<LocalDate> censusDates() {
        LocalDate latest = LocalDate.of(today.getYear(), Month.OCTOBER, 1);
        if (latest.isAfter(today)) {
            latest = latest.minusYears(1);
        }
        return List.of(latest.minusYears(1), latest);
    }

    /** The census date of the reporting period: the latest census. */
    LocalDate latestCensus() {
        return censusDates().get(1);
    }
}
