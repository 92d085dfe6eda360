package kz.nobd.contracts.events;

import java.time.LocalDate;
import java.util.UUID;

import kz.nobd.contracts.Language;
import kz.nobd.contracts.Nullable;

/**
 * The value of {@code facts.enrolment.v1} (key: {@code spellId}): the whole current state of one anonymous spell,
 * the half-open interval [validFrom, validTo) of one student in one school, grade and language; {@code validTo} is
 * null while the spell is open. A spell a late event removed is CORRECTED to an empty interval (validTo =
 * validFrom). No student identifier: {@code spellId} is random.
 */
public record SpellFact(
        UUID spellId,
        String schoolBin,
        int grade,
        Sex sex,
        int birthYear,
        Language language,
        LocalDate validFrom,
        @Nullable LocalDate validTo,
        SpellChange change) {
}
