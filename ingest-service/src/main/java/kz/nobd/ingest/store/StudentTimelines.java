package kz.nobd.ingest.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import kz.nobd.ingest.pipeline.Transient;
import kz.nobd.support.CopyRows;

/**
 * Stores students with their timelines and spells (one row each), a whole polled batch per statement. {@link #lock}
 * serialises every update of one student in the database, whatever partition or instance the events arrive on: the
 * stored students of a batch are locked in one statement in pseudonym order, so two batches never wait for each
 * other in a cycle. A student is created when its first event is accepted; two batches creating the same student
 * at once: the later one fails on the key and is retried as a whole (it then finds the student stored).
 */
@ApplicationScoped
public class StudentTimelines {
    /** SQLState that {@link Transient} takes as retryable: a serialisation failure. */
    private static final String RETRY = "40001";

    private final StudentStateJson json;

    @Inject
    public StudentTimelines(StudentStateJson json) {
        this.json = json;
    }

    /**
     * Locks the students stored already and loads their timelines and spells; the others are added as created
     * (nothing stored). A student already stored keeps its stored sex and birth year.
     */
    public StudentSet lock(Connection c, Collection<StudentSet.Student> students) throws SQLException {
        return lockSome(c, students, students.stream().map(StudentSet.Student::studentId).toList());
    }

    /**
     * Like {@link #lock} for the students in {@code lookUp}; the others are taken as new without looking (the bulk
     * path): if one is stored after all, {@link #store} fails on its key and the caller decides again with the lock.
     */
    public StudentSet lockSome(Connection c, Collection<StudentSet.Student> students, Collection<String> lookUp)
            throws SQLException {
        StudentSet set = lockStored(c, new TreeSet<>(lookUp));
        addUnlocked(set, students);
        return set;
    }

    /** The students not locked in {@code set} (not stored, or not looked up) as created (a student once). */
    private static void addUnlocked(StudentSet set, Collection<StudentSet.Student> students) {
        for (StudentSet.Student s : students) {
            if (!set.isLocked(s.studentId())) {
                set.addCreated(s);
            }
        }
    }

    /** Locks the students among {@code studentIds} that are stored and loads their timelines and spells. */
    public StudentSet lockStored(Connection c, Collection<String> studentIds) throws SQLException {
        StudentSet set = new StudentSet();
        if (studentIds.isEmpty()) {
            return set;
        }
        try (PreparedStatement select = c.prepareStatement("select student_id, sex, birth_year, iin_last4, timeline,"
                + " spells from student where student_id = any(?) order by student_id for update")) {
            select.setArray(1, c.createArrayOf("varchar", studentIds.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    set.addStored(new StudentSet.Student(rs.getString(1), rs.getString(2).charAt(0), rs.getInt(3),
                            rs.getString(4)), json.readTimeline(rs.getString(5)), json.readSpells(rs.getString(6)));
                }
            }
        }
        return set;
    }

    /** The payload hashes of accepted events with these ids; an id not in the map is new. */
    public Map<UUID, byte[]> acceptedHashes(Connection c, Collection<UUID> eventIds) throws SQLException {
        Map<UUID, byte[]> hashes = new HashMap<>();
        if (eventIds.isEmpty()) {
            return hashes;
        }
        try (PreparedStatement select = c.prepareStatement(
                "select event_id, payload_hash from accepted_event where event_id = any(?)")) {
            select.setArray(1, c.createArrayOf("uuid", eventIds.toArray()));
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    hashes.put(rs.getObject(1, UUID.class), rs.getBytes(2));
                }
            }
        }
        return hashes;
    }

    /** Records the accepted events among the entries appended in this transaction (registry entries have no hash). */
    public void append(Connection c, List<StudentSet.Appended> entries) throws SQLException {
        CopyRows rows = new CopyRows("accepted_event (event_id, payload_hash)");
        for (StudentSet.Appended appended : entries) {
            if (appended.payloadHash() != null) {
                rows.add(appended.entry().eventId()).add(appended.payloadHash()).endRow();
            }
        }
        copyOrRetry(c, rows, "an event id was accepted by a concurrent transaction");
    }

    /** Writes the rows of the students whose timeline changed: created ones inserted, stored ones rewritten. */
    public void store(Connection c, StudentSet students) throws SQLException {
        CopyRows created = new CopyRows("student (student_id, sex, birth_year, iin_last4, timeline, spells,"
                + " open_school_bin)");
        List<StudentSet.Member> updated = new ArrayList<>();
        List<StudentSet.Member> changed = new ArrayList<>(students.changed());
        changed.sort(Comparator.comparing(StudentSet.Member::studentId)); // rows inserted in key order, as locked
        for (StudentSet.Member member : changed) {
            if (!member.created()) {
                updated.add(member);
                continue;
            }
            StudentSet.Student s = member.student();
            created.add(s.studentId()).add(s.sex()).add(s.birthYear()).add(s.iinLast4())
                    .add(json.timeline(member.timeline())).add(json.spells(member.spells()))
                    .add(openSchool(member.spells())).endRow();
        }
        copyOrRetry(c, created, "a student was created by a concurrent transaction");
        update(c, updated);
    }

    private void update(Connection c, List<StudentSet.Member> members) throws SQLException {
        if (members.isEmpty()) {
            return;
        }
        try (PreparedStatement update = c.prepareStatement("update student set timeline = ?::json,"
                + " spells = ?::json, open_school_bin = ? where student_id = ?")) {
            for (StudentSet.Member member : members) {
                update.setString(1, json.timeline(member.timeline()));
                update.setString(2, json.spells(member.spells()));
                update.setString(3, openSchool(member.spells()));
                update.setString(4, member.studentId());
                update.addBatch();
            }
            update.executeBatch();
        }
    }

    private static String openSchool(List<StoredSpell> spells) {
        return spells.stream().filter(s -> s.validTo() == null).map(StoredSpell::schoolBin).findFirst().orElse(null);
    }

    /**
     * A key another transaction inserted since this one looked: the batch is retried as a whole, and then finds
     * the row (unique_violation becomes a serialisation failure, which {@link Transient} retries; the bulk path
     * recognises the unique_violation below it with {@link #keyTaken}).
     */
    private static void copyOrRetry(Connection c, CopyRows rows, String what) throws SQLException {
        try {
            rows.copyInto(c);
        } catch (SQLException e) {
            if ("23505".equals(e.getSQLState())) {
                throw new SQLException(what + ": the batch is retried", RETRY, e);
            }
            throw e;
        }
    }

    /** Whether a failure comes from a student or event id that was stored already (see {@link #copyOrRetry}). */
    public static boolean keyTaken(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** Students with an open spell at a school (closure and merge move them). */
    public List<String> studentsOpenAt(Connection c, String schoolBin) throws SQLException {
        List<String> students = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("select student_id from student"
                + " where open_school_bin = ? order by student_id")) {
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
