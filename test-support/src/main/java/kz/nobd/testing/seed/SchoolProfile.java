package kz.nobd.testing.seed;

import java.util.List;
import java.util.Random;

import kz.nobd.contracts.InstitutionType;
import kz.nobd.contracts.Language;

/**
 * How big a school is and how it changes, drawn once per school from the seed and its BIN: city schools large and
 * growing, rural ones smaller and shrinking a little, small rural schools (SMALL_SCHOOL) a few dozen children, half
 * of them basic schools (grades up to 9); some schools have a pre-school class (grade 0); about 2 % send no
 * enrolment at all (the demo schools always do), so completeness is not 100 %.
 *
 * @param size       students in the first school year
 * @param growth     factor of the intake per year
 * @param topGrade   the last grade taught (9 or 11)
 * @param preSchool  whether the school has a pre-school class
 * @param silent     whether the school reports no enrolment
 */
record SchoolProfile(School school, int size, double growth, int topGrade, boolean preSchool, boolean silent) {
    static final double SILENT_SHARE = 0.02;

    static SchoolProfile of(School school, long seed, int studentsPerSchool) {
        Random random = Seeds.random(seed, school.bin(), "profile");
        double factor = switch (school.type()) {
            case SMALL_SCHOOL -> Seeds.between(random, 0.08, 0.3);
            case BOARDING -> Seeds.between(random, 0.5, 1.0);
            default -> school.isRural() ? Seeds.between(random, 0.5, 1.2) : Seeds.between(random, 1.3, 2.4);
        };
        int size = (int) Math.round(studentsPerSchool * factor);
        if (school.capacity() != null && school.capacity() > 0) {
            size = Math.min(size, school.capacity());
        }
        size = Math.max(size, Math.min(5, studentsPerSchool));
        double growth = school.isRural() ? Seeds.between(random, 0.94, 1.02) : Seeds.between(random, 1.0, 1.06);
        int topGrade = school.type() == InstitutionType.SMALL_SCHOOL && Seeds.chance(random, 0.5) ? 9 : 11;
        boolean preSchool = Seeds.chance(random, school.isRural() ? 0.4 : 0.6);
        boolean silent = !DemoSchoolCases.isDemoSchool(school.bin()) && Seeds.chance(random, SILENT_SHARE);
        return new SchoolProfile(school, size, growth, topGrade, preSchool, silent);
    }

    /** Grades taught, lowest first. */
    List<Integer> grades() {
        int lowest = preSchool ? 0 : 1;
        return java.util.stream.IntStream.rangeClosed(lowest, topGrade).boxed().toList();
    }

    /** Relative size of a grade: the pre-school class half a grade, grades 10 and 11 smaller (many leave after 9). */
    double weight(int grade) {
        if (grade == 0) {
            return preSchool ? 0.5 : 0;
        }
        return grade <= 4 ? 1.0 : grade <= 9 ? 0.95 : 0.6;
    }

    double totalWeight() {
        return grades().stream().mapToDouble(this::weight).sum();
    }

    /** Students a grade should have in the school's {@code yearsOpen}-th year of the activity (0 = its first). */
    double gradeSize(int grade, int yearsOpen) {
        return size * Math.pow(growth, yearsOpen) * weight(grade) / totalWeight();
    }

    /**
     * The language of a student: of the school's languages, Kazakh in most rural schools, Russian in a larger share
     * of city ones, Uzbek where a school teaches it (Turkistan).
     */
    Language language(Random random) {
        List<Language> taught = school.languages();
        if (taught.size() == 1) {
            return taught.get(0);
        }
        if (taught.contains(Language.UZ)) {
            return Seeds.chance(random, 0.6) ? Language.UZ : taught.stream().filter(l -> l != Language.UZ).findFirst()
                    .orElse(Language.UZ);
        }
        if (taught.contains(Language.KK) && taught.contains(Language.RU)) {
            return Seeds.chance(random, school.isRural() ? 0.75 : 0.55) ? Language.KK : Language.RU;
        }
        return taught.get(random.nextInt(taught.size()));
    }

    /** The language a student keeps when moving here: theirs if taught, else the school's first. */
    Language languageFor(Language studentLanguage) {
        return school.languages().contains(studentLanguage) ? studentLanguage : school.languages().get(0);
    }
}
