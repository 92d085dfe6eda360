package kz.nobd.ingest.store;

import java.time.LocalDate;
import java.util.UUID;

import kz.nobd.contracts.Language;
import kz.nobd.ingest.domain.SpellState;

/** A spell as kept in the student's row: the state last published under its {@code spellId}. */
public record StoredSpell(UUID spellId, String schoolBin, int grade, Language language, LocalDate validFrom,
        LocalDate validTo, UUID openedBy, UUID closedBy) {

    static StoredSpell of(UUID spellId, SpellState s) {
        return new StoredSpell(spellId, s.schoolBin(), s.grade(), s.language(), s.validFrom(), s.validTo(),
                s.openedBy(), s.closedBy());
    }

    /** The spell emptied (validTo = validFrom): how a spell that a late event removed is published. */
    StoredSpell emptied() {
        return new StoredSpell(spellId, schoolBin, grade, language, validFrom, validFrom, openedBy, closedBy);
    }

    SpellState state() {
        return new SpellState(schoolBin, grade, language, validFrom, validTo, openedBy, closedBy);
    }
}
