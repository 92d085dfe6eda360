package kz.nobd.ingest.service;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.nobd.contracts.Topics;
import kz.nobd.ingest.domain.ConflictState;
import kz.nobd.ingest.domain.EnrolmentTimeline;
import kz.nobd.ingest.domain.SpellState;

/**
 * Makes the stored spells and conflicts of the students whose timeline changed equal to a replay of their
 * timelines, and writes a fact to the outbox for every spell that changed, one statement per kind of write for
 * the whole set. A fact carries the spell's whole state under a random spell id (no student identifier): OPENED
 * for a new spell, CLOSED when its end was set, CORRECTED otherwise; a spell that a late event removed is
 * CORRECTED to an empty interval (validTo = validFrom).
 */
@ApplicationScoped
public class SpellSync {
    @Inject
    OutboxWriter outbox;
    @Inject
    ObjectMapper mapper;

    private record Stored(UUID spellId, SpellState state) {
    }

    private record Write(UUID spellId, String studentId, SpellState state) {
    }

    /** The writes one sync makes, collected first and then sent a statement per kind. */
    private final class Writes {
        final List<Write> inserts = new ArrayList<>();
        final List<Write> updates = new ArrayList<>();
        final List<Write> deletes = new ArrayList<>();
        final List<OutboxWriter.Message> facts = new ArrayList<>();

        void fact(UUID spellId, SpellState spell, StudentSet.Student student, String change) {
            Map<String, Object> fact = new LinkedHashMap<>();
            fact.put("spellId", spellId);
            fact.put("schoolBin", spell.schoolBin());
            fact.put("grade", spell.grade());
            fact.put("sex", String.valueOf(student.sex()));
            fact.put("birthYear", student.birthYear());
            fact.put("language", spell.language().name());
            fact.put("validFrom", spell.validFrom().toString());
            fact.put("validTo", spell.validTo() == null ? null : spell.validTo().toString());
            fact.put("change", change);
            try {
                facts.add(new OutboxWriter.Message(Topics.FACTS_ENROLMENT, spellId.toString(),
                        mapper.writeValueAsString(fact)));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    public void sync(Connection c, StudentSet students) throws SQLException {
        Collection<String> changed = students.changed();
        if (changed.isEmpty()) {
            return;
        }
        List<String> storedBefore = changed.stream().filter(id -> !students.created(id)).toList();
        Map<String, Map<UUID, Stored>> stored = stored(c, storedBefore);
        Writes writes = new Writes();
        List<ConflictRow> conflicts = new ArrayList<>();
        for (String studentId : changed) {
            StudentSet.Student student = students.student(studentId);
            EnrolmentTimeline.Replay replay = EnrolmentTimeline.replay(students.timeline(studentId));
            diff(studentId, student, replay, stored.getOrDefault(studentId, new HashMap<>()), writes);
            replay.conflicts().forEach(conflict -> conflicts.add(new ConflictRow(studentId, conflict)));
        }
        insert(c, writes.inserts);
        update(c, writes.updates);
        delete(c, writes.deletes);
        replaceConflicts(c, storedBefore, conflicts);
        outbox.addAll(c, writes.facts);
    }

    private static void diff(String studentId, StudentSet.Student student, EnrolmentTimeline.Replay replay,
            Map<UUID, Stored> stored, Writes writes) {
        for (SpellState spell : replay.spells()) {
            Stored before = stored.remove(spell.openedBy());
            if (before == null) {
                UUID spellId = UUID.randomUUID();
                writes.inserts.add(new Write(spellId, studentId, spell));
                writes.fact(spellId, spell, student, "OPENED");
            } else if (!before.state().equals(spell)) {
                writes.updates.add(new Write(before.spellId(), studentId, spell));
                boolean closed = before.state().isOpen() && !spell.isOpen();
                writes.fact(before.spellId(), spell, student, closed ? "CLOSED" : "CORRECTED");
            }
        }
        for (Stored removed : stored.values()) {
            writes.deletes.add(new Write(removed.spellId(), studentId, removed.state()));
            SpellState s = removed.state();
            writes.fact(removed.spellId(), new SpellState(s.schoolBin(), s.grade(), s.language(), s.validFrom(),
                    s.validFrom(), s.openedBy(), s.closedBy()), student, "CORRECTED");
        }
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

    private static Map<String, Map<UUID, Stored>> stored(Connection c, Collection<String> studentIds)
            throws SQLException {
        Map<String, Map<UUID, Stored>> spells = new HashMap<>();
        if (studentIds.isEmpty()) {
            return spells;
        }
        try (PreparedStatement select = c.prepareStatement("select student_id, spell_id, school_bin, grade, language,"
                + " valid_from, valid_to, opened_by, closed_by from spell where student_id = any(?)")) {
            select.setArray(1, c.createArrayOf("varchar", studentIds.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    SpellState state = new SpellState(rs.getString(3), rs.getInt(4),
                            kz.nobd.contracts.Language.valueOf(rs.getString(5)), rs.getDate(6).toLocalDate(),
                            rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate(), rs.getObject(8, UUID.class),
                            rs.getObject(9, UUID.class));
                    spells.computeIfAbsent(rs.getString(1), id -> new HashMap<>())
                            .put(state.openedBy(), new Stored(rs.getObject(2, UUID.class), state));
                }
            }
        }
        return spells;
    }

    private static void insert(Connection c, List<Write> writes) throws SQLException {
        CopyRows rows = new CopyRows("spell (spell_id, student_id, school_bin, grade, language, valid_from, valid_to,"
                + " opened_by, closed_by)");
        for (Write write : writes) {
            SpellState s = write.state();
            rows.add(write.spellId()).add(write.studentId()).add(s.schoolBin()).add(s.grade()).add(s.language().name())
                    .add(s.validFrom()).add(s.validTo()).add(s.openedBy()).add(s.closedBy()).endRow();
        }
        rows.copyInto(c);
    }

    private static void update(Connection c, List<Write> writes) throws SQLException {
        if (writes.isEmpty()) {
            return;
        }
        try (PreparedStatement update = c.prepareStatement("update spell set school_bin = ?, grade = ?, language = ?,"
                + " valid_from = ?, valid_to = ?, opened_by = ?, closed_by = ? where student_id = ? and spell_id = ?")) {
            for (Write write : writes) {
                bind(update, write.state());
                update.setString(8, write.studentId());
                update.setObject(9, write.spellId());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static void delete(Connection c, List<Write> deletes) throws SQLException {
        if (deletes.isEmpty()) {
            return;
        }
        try (PreparedStatement delete = c.prepareStatement("delete from spell s using unnest(?::varchar[], ?::uuid[])"
                + " as d (student_id, spell_id) where s.student_id = d.student_id and s.spell_id = d.spell_id")) {
            delete.setArray(1, c.createArrayOf("varchar", deletes.stream().map(Write::studentId).toArray()));
            delete.setArray(2, c.createArrayOf("uuid", deletes.stream().map(Write::spellId).toArray()));
            delete.executeUpdate();
        }
    }

    private static void bind(PreparedStatement st, SpellState s) throws SQLException {
        st.setString(1, s.schoolBin());
        st.setInt(2, s.grade());
        st.setString(3, s.language().name());
        st.setDate(4, Date.valueOf(s.validFrom()));
        st.setDate(5, s.validTo() == null ? null : Date.valueOf(s.validTo()));
        st.setObject(6, s.openedBy());
        st.setObject(7, s.closedBy());
    }
}
