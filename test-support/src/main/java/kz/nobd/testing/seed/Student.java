package kz.nobd.testing.seed;

import kz.nobd.contracts.Language;

/**
 * A synthetic student while the history is made: a key that names them (the school, year and place they first
 * appeared at; event ids are derived from it), their IIN, and where they are now.
 */
final class Student {
    final String key;
    final String iin;
    Language language;
    int grade;
    boolean repeatedAGrade;

    Student(String key, String iin, Language language, int grade) {
        this.key = key;
        this.iin = iin;
        this.language = language;
        this.grade = grade;
    }
}
