package kz.nobd.report.domain;

import java.time.LocalDate;
import java.util.UUID;

import kz.nobd.contracts.Language;
import kz.nobd.contracts.events.Sex;
import kz.nobd.contracts.events.SpellFact;

/**
 * One anonymous spell as report-service counts it: the half-open interval [validFrom, validTo) in one school, grade
 * and language, from the last fact of {@code facts.enrolment.v1} under its id (the contract's {@link SpellFact};
 * birth year and the kind of change are not kept). No student identifier.
 */
public record Spell(UUID spellId, String schoolBin, int grade, Sex sex, Language language, LocalDate validFrom,
        LocalDate validTo) {

    public static Spell of(SpellFact fact) {
        return new Spell(fact.spellId(), fact.schoolBin(), fact.grade(), fact.sex(), fact.language(), fact.validFrom(),
                fact.validTo());
    }

    /** Whether the spell counts on any day at all (a spell corrected to validTo = validFrom counts nowhere). */
    public boolean countsSomewhere() {
        return validTo == null || validFrom.isBefore(validTo);
    }

    /** Null, or why a fact cannot be counted. */
    public static String problemWith(SpellFact fact) {
        if (fact.spellId() == null || !kz.nobd.contracts.Digits.exactly(fact.schoolBin(), 12)) {
            return "spellId missing or schoolBin not 12 digits";
        }
        if (fact.grade() < 0 || fact.grade() > 12) {
            return "grade must be 0..12, was " + fact.grade();
        }
        if (fact.sex() == null || fact.language() == null || fact.validFrom() == null) {
            return "sex, language or validFrom missing";
        }
        return null;
    }
}
