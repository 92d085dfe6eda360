package kz.nobd.ingest.service;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
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
 * Makes the stored spells and conflicts of one student equal to a replay of the timeline, and writes a fact to
 * the outbox for every spell that changed. A fact carries the spell's whole state under a random spell id (no
 * student identifier): OPENED for a new spell, CLOSED when its end was set, CORRECTED otherwise; a spell that a
 * late event removed is CORRECTED to an empty interval (validTo = validFrom).
 */
@ApplicationScoped
public class SpellSync {
    @Inject
    OutboxWriter outbox;
    @Inject
    ObjectMapper mapper;

    private record Stored(UUID spellId, SpellState state) {
    }

    /** For a student whose sex and birth year are not at hand (registry-driven changes). */
    public void sync(Connection c, String studentId, EnrolmentTimeline.Replay replay) throws SQLException {
        String[] student = student(c, studentId);
        sync(c, studentId, student[0].charAt(0), Integer.parseInt(student[1]), replay);
    }

    public void sync(Connection c, String studentId, char sex, int birthYear, EnrolmentTimeline.Replay replay)
            throws SQLException {
        String[] student = {String.valueOf(sex), Integer.toString(birthYear)};
        Map<UUID, Stored> stored = stored(c, studentId);
        for (SpellState spell : replay.spells()) {
            Stored before = stored.remove(spell.openedBy());
            if (before == null) {
                UUID spellId = UUID.randomUUID();
                insert(c, spellId, studentId, spell);
                fact(c, spellId, spell, student, "OPENED");
            } else if (!before.state().equals(spell)) {
                update(c, before.spellId(), spell);
                boolean closed = before.state().isOpen() && !spell.isOpen();
                fact(c, before.spellId(), spell, student, closed ? "CLOSED" : "CORRECTED");
            }
        }
        for (Stored removed : stored.values()) {
            delete(c, removed.spellId());
            SpellState s = removed.state();
            fact(c, removed.spellId(), new SpellState(s.schoolBin(), s.grade(), s.language(), s.validFrom(),
                    s.validFrom(), s.openedBy(), s.closedBy()), student, "CORRECTED");
        }
        syncConflicts(c, studentId, replay);
    }

    private void syncConflicts(Connection c, String studentId, EnrolmentTimeline.Replay replay) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("delete from enrolment_conflict where student_id = ?")) {
            delete.setString(1, studentId);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = c.prepareStatement("insert into enrolment_conflict (conflict_id, student_id,"
                + " school_bin, original_event_id, grade, other_school_bin, conflict_date, raised_by, settled_by)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (ConflictState conflict : replay.conflicts()) {
                insert.setObject(1, UUID.nameUUIDFromBytes((studentId + conflict.raisedBy()).getBytes()));
                insert.setString(2, studentId);
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

    private void fact(Connection c, UUID spellId, SpellState spell, String[] student, String change) throws SQLException {
        Map<String, Object> fact = new LinkedHashMap<>();
        fact.put("spellId", spellId);
        fact.put("schoolBin", spell.schoolBin());
        fact.put("grade", spell.grade());
        fact.put("sex", student[0]);
        fact.put("birthYear", Integer.parseInt(student[1]));
        fact.put("language", spell.language().name());
        fact.put("validFrom", spell.validFrom().toString());
        fact.put("validTo", spell.validTo() == null ? null : spell.validTo().toString());
        fact.put("change", change);
        try {
            outbox.add(c, Topics.FACTS_ENROLMENT, spellId.toString(), mapper.writeValueAsString(fact));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String[] student(Connection c, String studentId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select sex, birth_year from student where student_id = ?")) {
            select.setString(1, studentId);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return new String[] {rs.getString(1), Integer.toString(rs.getInt(2))};
            }
        }
    }

    private static Map<UUID, Stored> stored(Connection c, String studentId) throws SQLException {
        Map<UUID, Stored> spells = new HashMap<>();
        try (PreparedStatement select = c.prepareStatement("select spell_id, school_bin, grade, language, valid_from,"
                + " valid_to, opened_by, closed_by from spell where student_id = ?")) {
            select.setString(1, studentId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    SpellState state = new SpellState(rs.getString(2), rs.getInt(3),
                            kz.nobd.contracts.Language.valueOf(rs.getString(4)), rs.getDate(5).toLocalDate(),
                            rs.getDate(6) == null ? null : rs.getDate(6).toLocalDate(), rs.getObject(7, UUID.class),
                            rs.getObject(8, UUID.class));
                    spells.put(state.openedBy(), new Stored(rs.getObject(1, UUID.class), state));
                }
            }
        }
        return spells;
    }

    private static void insert(Connection c, UUID spellId, String studentId, SpellState s) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("insert into spell (spell_id, student_id, school_bin, grade,"
                + " language, valid_from, valid_to, opened_by, closed_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, spellId);
            insert.setString(2, studentId);
            bind(insert, 3, s);
            insert.executeUpdate();
        }
    }

    private static void update(Connection c, UUID spellId, SpellState s) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("update spell set school_bin = ?, grade = ?, language = ?,"
                + " valid_from = ?, valid_to = ?, opened_by = ?, closed_by = ? where spell_id = ?")) {
            bind(update, 1, s);
            update.setObject(8, spellId);
            update.executeUpdate();
        }
    }

    private static void bind(PreparedStatement st, int from, SpellState s) throws SQLException {
        st.setString(from, s.schoolBin());
        st.setInt(from + 1, s.grade());
        st.setString(from + 2, s.language().name());
        st.setDate(from + 3, Date.valueOf(s.validFrom()));
        st.setDate(from + 4, s.validTo() == null ? null : Date.valueOf(s.validTo()));
        st.setObject(from + 5, s.openedBy());
        st.setObject(from + 6, s.closedBy());
    }

    private static void delete(Connection c, UUID spellId) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement("delete from spell where spell_id = ?")) {
            delete.setObject(1, spellId);
            delete.executeUpdate();
        }
    }
}
