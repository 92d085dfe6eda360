package kz.nobd.report.domain;

/**
 * The UNESCO ISCED 2011 level of a grade of Kazakhstan's general education (docs/report.md, "SDMX export"): the
 * pre-school class (grade 0) is pre-primary education, grades 1-4 primary, 5-9 lower secondary and 10-12 upper
 * secondary. {@link #code()} is the ISCED 2011 level code the SDMX message carries.
 */
public enum IscedLevel {
    PRE_PRIMARY("02", 0, 0), PRIMARY("1", 1, 4), LOWER_SECONDARY("2", 5, 9), UPPER_SECONDARY("3", 10, 12);

    private final String code;
    private final int firstGrade;
    private final int lastGrade;

    IscedLevel(String code, int firstGrade, int lastGrade) {
        this.code = code;
        this.firstGrade = firstGrade;
        this.lastGrade = lastGrade;
    }

    public String code() {
        return code;
    }

    public int firstGrade() {
        return firstGrade;
    }

    public int lastGrade() {
        return lastGrade;
    }

    /** The level of {@code grade} 0..12. */
    public static IscedLevel ofGrade(int grade) {
        for (IscedLevel level : values()) {
            if (grade >= level.firstGrade && grade <= level.lastGrade) {
                return level;
            }
        }
        throw new IllegalArgumentException("grade " + grade + " is outside 0..12");
    }
}
