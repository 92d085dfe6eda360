package kz.nobd.ingest.store;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonGenerator;

import kz.nobd.contracts.Topics;
import kz.nobd.contracts.events.SpellChange;
import kz.nobd.contracts.events.TopicCodec;
import kz.nobd.ingest.domain.ConflictState;
import kz.nobd.ingest.domain.EnrolmentTimeline;
import kz.nobd.ingest.domain.SpellState;
import kz.nobd.ingest.outbox.OutboxWriter;

/**
 * Writes the state of the students whose timeline changed: their rows (timeline and the spells a replay of it
 * gives, through {@link StudentTimelines#store}), their conflicts, and a fact to the outbox for every spell that
 * changed, one statement per kind of write for the whole set. A fact carries the spell's whole state under its spell id (time-ordered, {@link SpellIds}; no student identifier): OPENED
 * for a new spell, CLOSED when its end was set, CORRECTED otherwise; a spell that a late event removed is
 * CORRECTED to an empty interval (validTo = validFrom).
 */
@ApplicationScoped
public class StudentStateWriter {
    @Inject
    OutboxWriter outbox;
    @Inject
    StudentTimelines timelines;

    public void writeWithFacts(Connection c, StudentSet students) throws SQLException {
        List<StudentSet.Member> changed = students.changed();
        if (changed.isEmpty()) {
            return;
        }
        List<OutboxWriter.Message> facts = new ArrayList<>();
        List<ConflictRow> conflicts = new ArrayList<>();
        List<String> storedBefore = new ArrayList<>();
        for (StudentSet.Member member : changed) {
            EnrolmentTimeline.Replay replay = EnrolmentTimeline.replay(member.timeline());
            member.setSpells(diff(member.student(), replay, member.spells(), facts));
            replay.conflicts().forEach(conflict -> conflicts.add(new ConflictRow(member.studentId(), conflict)));
            if (!member.created()) {
                storedBefore.add(member.studentId());
            }
        }
        timelines.store(c, students);
        replaceConflicts(c, storedBefore, conflicts);
        outbox.addAll(c, facts);
    }

    /** The replayed spells under their stored ids (new ones under new ids), with a fact for each change. */
    private List<StoredSpell> diff(StudentSet.Student student, EnrolmentTimeline.Replay replay, List<StoredSpell> stored,
            List<OutboxWriter.Message> facts) {
        Map<UUID, StoredSpell> before = new HashMap<>();
        stored.forEach(spell -> before.put(spell.openedBy(), spell));
        List<StoredSpell> after = new ArrayList<>();
        for (SpellState spell : replay.spells()) {
            StoredSpell was = before.remove(spell.openedBy());
            if (was == null) {
                StoredSpell opened = StoredSpell.of(SpellIds.next(), spell);
                after.add(opened);
                facts.add(fact(opened, student, SpellChange.OPENED));
            } else {
                StoredSpell now = StoredSpell.of(was.spellId(), spell);
                after.add(now);
                if (!was.state().equals(spell)) {
                    boolean closed = was.validTo() == null && !spell.isOpen();
                    facts.add(fact(now, student, closed ? SpellChange.CLOSED : SpellChange.CORRECTED));
                }
            }
        }
        for (StoredSpell removed : before.values()) {
            facts.add(fact(removed.emptied(), student, SpellChange.CORRECTED));
        }
        return after;
    }

    private static OutboxWriter.Message fact(StoredSpell spell, StudentSet.Student student, SpellChange change) {
        return new OutboxWriter.Message(Topics.FACTS_ENROLMENT, spell.spellId().toString(),
                factJson(spell, student, change));
    }

    /**
     * The value of {@code facts.enrolment.v1}, written field by field with contracts' JSON factory rather than
     * through {@link TopicCodec#FACTS_ENROLMENT}: no record to build per fact on the hot path. SpellFactWriterTest
     * holds it to the codec: it decodes to the equal {@link kz.nobd.contracts.events.SpellFact}, byte for byte what
     * the codec writes ({@code validTo} null while open).
     */
    static String factJson(StoredSpell spell, StudentSet.Student student, SpellChange change) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator json = TopicCodec.jsonFactory().createGenerator(text)) {
            json.writeStartObject();
            json.writeStringField("spellId", spell.spellId().toString());
            json.writeStringField("schoolBin", spell.schoolBin());
            json.writeNumberField("grade", spell.grade());
            json.writeStringField("sex", String.valueOf(student.sex()));
            json.writeNumberField("birthYear", student.birthYear());
            json.writeStringField("language", spell.language().name());
            json.writeStringField("validFrom", spell.validFrom().toString());
            json.writeStringField("validTo", spell.validTo() == null ? null : spell.validTo().toString());
            json.writeStringField("change", change.name());
            json.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private record ConflictRow(String studentId, ConflictState conflict) {
    }

    /** Deletes the stored conflicts of {@code studentIds} and inserts {@code rows}. */
    private static void replaceConflicts(Connection c, Collection<String> studentIds, List<ConflictRow> rows)
            throws SQLException {
        if (!studentIds.isEmpty()) {
            try (PreparedStatement delete = c.prepareStatement("delete from enrolment_conflict where student_id = any(?)")) {
                delete.setArray(1, c.createArrayOf("varchar", studentIds.toArray()));
                delete.executeUpdate();
            }
        }
        if (rows.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement("insert into enrolment_conflict (conflict_id, student_id,"
                + " school_bin, original_event_id, grade, other_school_bin, conflict_date, raised_by, settled_by)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ConflictRow row : rows) {
                ConflictState conflict = row.conflict();
                insert.setObject(1, UUID.nameUUIDFromBytes((row.studentId() + conflict.raisedBy()).getBytes()));
                insert.setString(2, row.studentId());
                insert.setString(3, conflict.schoolBin());
                insert.setObject(4, conflict.schoolEventId());
                insert.setInt(5, conflict.grade());
                insert.setString(6, conflict.otherBin());
                insert.setDate(7, Date.valueOf(conflict.date()));
                insert.setObject(8, conflict.raisedBy());
                insert.setObject(9, conflict.settledBy());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
