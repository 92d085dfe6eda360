package kz.nobd.report.domain;

import java.time.LocalDate;
import java.util.UUID;

import kz.nobd.contracts.Language;

/**
 * An enrolment fact from {@code facts.enrolment.v1}: the whole current state of one anonymous spell, the
 * half-open interval [validFrom, validTo) in one school, grade and language. No student identifier.
 */
public record SpellFact(UUID spellId, String schoolBin, int grade, Sex sex, Language language, LocalDate validFrom,
        LocalDate validTo) {

    public enum Sex {
        M, F
    }

    /** Whether the spell counts on any day at all (a spell corrected to validTo = validFrom counts nowhere). */
    public boolean countsSomewhere() {
        return validTo == null || validFrom.isBefore(validTo);
    }

    /** Null, or why the fact cannot be counted. */
    public String problem() {
        if (!kz.nobd.contracts.Digits.exactly(schoolBin, 12)) {
            return "schoolBin is not 12 digits";
        }
        if (grade < 0 || grade > 12) {
            return "grade must be 0..12, was " + grade;
        }
        if (sex == null || language == null || validFrom == null) {
            return "sex, language or validFrom missing";
        }
        return null;
    }
}
