package kz.nobd.report.domain;

import kz.nobd.contracts.events.Sex;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import kz.nobd.contracts.Language;

/** The daily deltas of spells: +1 on validFrom, -1 on validTo, earlier states taken back, replays net zero. */
class SpellDeltasTest {
    static final LocalDate SEP = LocalDate.of(2025, 9, 1);
    static final LocalDate DEC = LocalDate.of(2025, 12, 1);
    static final String BIN = "210540000010";

    private static Spell spell(UUID id, LocalDate from, LocalDate to) {
        return new Spell(id, BIN, 5, Sex.F, Language.KK, from, to);
    }

    private static DeltaKey key(LocalDate day) {
        return new DeltaKey(BIN, 5, Sex.F, Language.KK, day);
    }

    @Test
    void anOpenSpellAddsOneOnItsFirstDay() {
        SpellDeltas deltas = new SpellDeltas();
        deltas.replace(null, spell(UUID.randomUUID(), SEP, null));
        assertThat(deltas.nonZero()).isEqualTo(Map.of(key(SEP), 1));
    }

    @Test
    void closingASpellKnownBeforeOnlyAddsTheEnd() {
        UUID id = UUID.randomUUID();
        SpellDeltas deltas = new SpellDeltas();
        deltas.replace(spell(id, SEP, null), spell(id, SEP, DEC));
        assertThat(deltas.nonZero()).isEqualTo(Map.of(key(DEC), -1));
    }

    @Test
    void aReplayedFactChangesNothing() {
        UUID id = UUID.randomUUID();
        SpellDeltas deltas = new SpellDeltas();
        deltas.replace(spell(id, SEP, DEC), spell(id, SEP, DEC));
        assertThat(deltas.nonZero()).isEmpty();
    }

    @Test
    void aSpellCorrectedToEmptyCountsNowhere() {
        UUID id = UUID.randomUUID();
        SpellDeltas deltas = new SpellDeltas();
        deltas.replace(null, spell(id, SEP, null));
        deltas.replace(spell(id, SEP, null), spell(id, SEP, SEP));
        assertThat(deltas.nonZero()).isEmpty();
        assertThat(spell(id, SEP, SEP).countsSomewhere()).isFalse();
    }
}
