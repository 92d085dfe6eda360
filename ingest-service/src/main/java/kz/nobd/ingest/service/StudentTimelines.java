package kz.nobd.ingest.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import kz.nobd.contracts.Language;
import kz.nobd.ingest.domain.TimelineEntry;

/**
 * Stores students and their timelines, a whole polled batch per statement. {@link #lock} serialises every update
 * of one student in the database, whatever partition or instance the events arrive on: the students of a batch
 * are locked in one statement in pseudonym order, so two batches never wait for each other in a cycle.
 */
@ApplicationScoped
public class StudentTimelines {

    /**
     * Creates the students not stored yet, locks all of them until the transaction ends and loads the timelines of
     * those stored before (a student created here has none). A student already stored keeps its stored sex and
     * birth year. Rows are created and locked in pseudonym order: two batches never wait for each other in a cycle,
     * and a batch that meets a student another one is creating waits for that one to commit.
     */
    public StudentSet lock(Connection c, Collection<StudentSet.Student> students) throws SQLException {
        TreeMap<String, StudentSet.Student> sorted = new TreeMap<>();
        students.forEach(s -> sorted.putIfAbsent(s.studentId(), s));
        Map<String, StudentSet.Student> created = new HashMap<>();
        if (!sorted.isEmpty()) {
            try (PreparedStatement insert = c.prepareStatement("insert into student (student_id, sex, birth_year,"
                    + " iin_last4) select id, sex::char(1), year::smallint, last4::char(4)"
                    + " from unnest(?::text[], ?::text[], ?::int[], ?::text[]) as s (id, sex, year, last4)"
                    + " on conflict (student_id) do nothing returning student_id")) {
                insert.setArray(1, c.createArrayOf("text", sorted.keySet().toArray()));
                insert.setArray(2, c.createArrayOf("text", sorted.values().stream().map(s -> String.valueOf(s.sex()))
                        .toArray()));
                insert.setArray(3, c.createArrayOf("int4", sorted.values().stream().map(s -> s.birthYear()).toArray()));
                insert.setArray(4, c.createArrayOf("text", sorted.values().stream().map(s -> s.iinLast4()).toArray()));
                try (ResultSet rs = insert.executeQuery()) {
                    while (rs.next()) {
                        created.put(rs.getString(1), sorted.get(rs.getString(1)));
                    }
                }
            }
        }
        List<String> stored = sorted.keySet().stream().filter(id -> !created.containsKey(id)).toList();
        StudentSet set = lockStored(c, stored);
        created.values().forEach(set::addCreated);
        return set;
    }

    /** Locks students that are stored already and loads their timelines. */
    public StudentSet lockStored(Connection c, Collection<String> studentIds) throws SQLException {
        Map<String, StudentSet.Student> locked = new HashMap<>();
        if (studentIds.isEmpty()) {
            return new StudentSet(locked, new HashMap<>());
        }
        try (PreparedStatement select = c.prepareStatement("select student_id, sex, birth_year, iin_last4 from student"
                + " where student_id = any(?) order by student_id for update")) {
            select.setArray(1, c.createArrayOf("varchar", studentIds.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    locked.put(rs.getString(1), new StudentSet.Student(rs.getString(1), rs.getString(2).charAt(0),
                            rs.getInt(3), rs.getString(4)));
                }
            }
        }
        return new StudentSet(locked, timelines(c, locked.keySet()));
    }

    /** The payload hashes of accepted entries with these ids; an id not in the map is new. */
    public Map<UUID, byte[]> acceptedHashes(Connection c, Collection<UUID> entryIds) throws SQLException {
        Map<UUID, byte[]> hashes = new HashMap<>();
        if (entryIds.isEmpty()) {
            return hashes;
        }
        try (PreparedStatement select = c.prepareStatement(
                "select entry_id, payload_hash from timeline_entry where entry_id = any(?)")) {
            select.setArray(1, c.createArrayOf("uuid", entryIds.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    hashes.put(rs.getObject(1, UUID.class), rs.getBytes(2));
                }
            }
        }
        return hashes;
    }

    private static Map<String, List<TimelineEntry>> timelines(Connection c, Collection<String> studentIds)
            throws SQLException {
        Map<String, List<TimelineEntry>> timelines = new HashMap<>();
        if (studentIds.isEmpty()) {
            return timelines;
        }
        try (PreparedStatement select = c.prepareStatement("select student_id, entry_id, kind, school_bin, grade,"
                + " language, entry_date, to_school_bin, sequence_no from timeline_entry where student_id = any(?)")) {
            select.setArray(1, c.createArrayOf("varchar", studentIds.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    timelines.computeIfAbsent(rs.getString(1), id -> new ArrayList<>()).add(new TimelineEntry(
                            rs.getObject(2, UUID.class), TimelineEntry.Kind.valueOf(rs.getString(3)), rs.getString(4),
                            (Integer) rs.getObject(5), rs.getString(6) == null ? null : Language.valueOf(rs.getString(6)),
                            rs.getDate(7).toLocalDate(), rs.getString(8), rs.getLong(9)));
                }
            }
        }
        return timelines;
    }

    /** Writes the entries the set's students were given in this transaction. */
    public void append(Connection c, List<StudentSet.Appended> entries) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        CopyRows rows = new CopyRows("timeline_entry (entry_id, student_id, kind, school_bin, grade, language,"
                + " entry_date, to_school_bin, payload_hash, sequence_no)");
        for (StudentSet.Appended appended : entries) {
            TimelineEntry entry = appended.entry();
            rows.add(entry.eventId()).add(appended.studentId()).add(entry.kind().name()).add(entry.schoolBin())
                    .add(entry.grade()).add(entry.language() == null ? null : entry.language().name())
                    .add(entry.date()).add(entry.toSchoolBin()).add(appended.payloadHash()).add(entry.sequence())
                    .endRow();
        }
        rows.copyInto(c);
    }

    /** Students with an open spell at a school (closure and merge move them). */
    public List<String> studentsOpenAt(Connection c, String schoolBin) throws SQLException {
        List<String> students = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("select distinct student_id from spell"
                + " where school_bin = ? and valid_to is null order by student_id")) {
            select.setString(1, schoolBin);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    students.add(rs.getString(1));
                }
            }
        }
        return students;
    }
}
