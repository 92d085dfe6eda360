package kz.nobd.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import kz.nobd.contracts.Language;
import kz.nobd.contracts.events.Sex;
import kz.nobd.contracts.events.SpellChange;
import kz.nobd.contracts.events.SpellFact;
import kz.nobd.contracts.events.TopicCodec;

/**
 * StudentStateWriter writes spell facts with a streaming writer (no record per fact on the hot path): what it writes must be
 * what the topic's codec writes, and decode to the equal record, field for field.
 */
class SpellFactWriterTest {
    static final String BIN = "210540000010";
    static final StudentSet.Student GIRL = new StudentSet.Student("pseudonym", 'F', 2016, "0347");

    @Test
    void anOpenSpellIsTheCodecsSpellFactWithValidToNull() {
        StoredSpell open = new StoredSpell(UUID.randomUUID(), BIN, 3, Language.KK, LocalDate.of(2025, 9, 1), null,
                UUID.randomUUID(), null);
        SpellFact expected = new SpellFact(open.spellId(), BIN, 3, Sex.F, 2016, Language.KK, LocalDate.of(2025, 9, 1),
                null, SpellChange.OPENED);

        String written = StudentStateWriter.factJson(open, GIRL, SpellChange.OPENED);

        assertThat(TopicCodec.FACTS_ENROLMENT.decode(written)).isEqualTo(expected);
        assertThat(written).isEqualTo(TopicCodec.FACTS_ENROLMENT.encodeToString(expected)).contains("\"validTo\":null");
    }

    @Test
    void aClosedOrEmptiedSpellIsTheCodecsSpellFactWithItsEnd() {
        StoredSpell closed = new StoredSpell(UUID.randomUUID(), BIN, 11, Language.RU, LocalDate.of(2025, 9, 1),
                LocalDate.of(2026, 5, 25), UUID.randomUUID(), UUID.randomUUID());
        StudentSet.Student boy = new StudentSet.Student("other", 'M', 2009, null);
        for (SpellChange change : new SpellChange[] {SpellChange.CLOSED, SpellChange.CORRECTED}) {
            SpellFact expected = new SpellFact(closed.spellId(), BIN, 11, Sex.M, 2009, Language.RU,
                    LocalDate.of(2025, 9, 1), LocalDate.of(2026, 5, 25), change);
            String written = StudentStateWriter.factJson(closed, boy, change);
            assertThat(TopicCodec.FACTS_ENROLMENT.decode(written)).isEqualTo(expected);
            assertThat(written).isEqualTo(TopicCodec.FACTS_ENROLMENT.encodeToString(expected));
        }
        StoredSpell emptied = closed.emptied();
        assertThat(TopicCodec.FACTS_ENROLMENT.decode(StudentStateWriter.factJson(emptied, boy, SpellChange.CORRECTED)).validTo())
                .isEqualTo(emptied.validFrom());
    }
}
