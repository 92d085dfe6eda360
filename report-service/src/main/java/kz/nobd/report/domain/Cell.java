package kz.nobd.report.domain;

import kz.nobd.contracts.events.Sex;
import kz.nobd.contracts.Language;

/** The index of a (grade, sex, language) cell in a school's array of counts: 13 grades x 2 sexes x 6 languages. */
public final class Cell {
    public static final int GRADES = 13;
    public static final int SEXES = Sex.values().length;
    public static final int LANGUAGES = Language.values().length;
    public static final int COUNT = GRADES * SEXES * LANGUAGES;

    private Cell() {
    }

    public static int index(int grade, int sex, int language) {
        return (grade * SEXES + sex) * LANGUAGES + language;
    }

    /** The cell of a visited count, whose dimensions not broken down are -1 (they go to their first value). */
    public static int ofVisited(int grade, int sex, int language) {
        return index(Math.max(grade, 0), Math.max(sex, 0), Math.max(language, 0));
    }

    public static int grade(int index) {
        return index / (SEXES * LANGUAGES);
    }

    public static int sex(int index) {
        return index / LANGUAGES % SEXES;
    }

    public static int language(int index) {
        return index % LANGUAGES;
    }
}
