package kz.nobd.ingest.service;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import kz.nobd.contracts.Language;
import kz.nobd.ingest.domain.EnrolmentEvent;
import kz.nobd.ingest.domain.TimelineEntry;

/**
 * Stores students and their timelines. {@link #lock} serialises every update of one student in the database,
 * whatever partition or instance the events arrive on.
 */
@ApplicationScoped
public class StudentTimelines {

    /** Creates the student if new and locks its row until the transaction ends. */
    public void lock(Connection c, EnrolmentEvent event) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("insert into student (student_id, sex, birth_year,"
                + " iin_last4) values (?, ?, ?, ?) on conflict (student_id) do nothing")) {
            insert.setString(1, event.studentId());
            insert.setString(2, String.valueOf(event.sex()));
            insert.setInt(3, event.birthYear());
            insert.setString(4, event.iinLast4());
            insert.executeUpdate();
        }
        lock(c, event.studentId());
    }

    public void lock(Connection c, String studentId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement(
                "select student_id from student where student_id = ? for update")) {
            select.setString(1, studentId);
            select.executeQuery().close();
        }
    }

    /** The payload hash of an accepted entry with this id, or null when the id is new. */
    public byte[] acceptedHash(Connection c, UUID entryId) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select payload_hash from timeline_entry where entry_id = ?")) {
            select.setObject(1, entryId);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }
    }

    public List<TimelineEntry> timeline(Connection c, String studentId) throws SQLException {
        List<TimelineEntry> entries = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("select entry_id, kind, school_bin, grade, language,"
                + " entry_date, to_school_bin, sequence_no from timeline_entry where student_id = ?")) {
            select.setString(1, studentId);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    entries.add(new TimelineEntry(rs.getObject(1, UUID.class), TimelineEntry.Kind.valueOf(rs.getString(2)),
                            rs.getString(3), (Integer) rs.getObject(4),
                            rs.getString(5) == null ? null : Language.valueOf(rs.getString(5)),
                            rs.getDate(6).toLocalDate(), rs.getString(7), rs.getLong(8)));
                }
            }
        }
        return entries;
    }

    /**
     * The arrival number of the next entry of this student's timeline: it only breaks ties between entries of the
     * same date and kind of ONE student, whose updates are serialised by the row lock, so one more than the
     * highest so far is enough (no sequence round trip).
     */
    public static long nextSequence(List<TimelineEntry> timeline) {
        return timeline.stream().mapToLong(TimelineEntry::sequence).max().orElse(0) + 1;
    }

    public void append(Connection c, String studentId, TimelineEntry entry, byte[] payloadHash) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("insert into timeline_entry (entry_id, student_id, kind,"
                + " school_bin, grade, language, entry_date, to_school_bin, payload_hash, sequence_no)"
                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, entry.eventId());
            insert.setString(2, studentId);
            insert.setString(3, entry.kind().name());
            insert.setString(4, entry.schoolBin());
            insert.setObject(5, entry.grade());
            insert.setString(6, entry.language() == null ? null : entry.language().name());
            insert.setDate(7, Date.valueOf(entry.date()));
            insert.setString(8, entry.toSchoolBin());
            insert.setBytes(9, payloadHash);
            insert.setLong(10, entry.sequence());
            insert.executeUpdate();
        }
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
