package kz.nobd.ingest.domain;

import java.time.LocalDate;
import java.util.UUID;

import kz.nobd.contracts.Language;

/**
 * A stretch of time a student spent at one school in one grade and language: the interval
 * [{@code validFrom}, {@code validTo}), {@code validTo} null while open. {@code openedBy} (the entry that opened
 * it) identifies the spell from one replay to the next; {@code closedBy} is null while open.
 */
public record SpellState(
        String schoolBin,
        int grade,
        Language language,
        LocalDate validFrom,
        LocalDate validTo,
        UUID openedBy,
        UUID closedBy) {

    public boolean isOpen() {
        return validTo == null;
    }

    /** True when the student was in this spell on {@code date}. */
    public boolean covers(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || date.isBefore(validTo));
    }

    SpellState closedAt(LocalDate date, UUID by) {
        return new SpellState(schoolBin, grade, language, validFrom, date, openedBy, by);
    }
}
