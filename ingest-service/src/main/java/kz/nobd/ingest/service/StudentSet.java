package kz.nobd.ingest.service;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kz.nobd.ingest.domain.TimelineEntry;

/**
 * The students one transaction works on, locked and loaded in one go: their sex and birth year, their timelines and
 * spells, the entries appended to them in this transaction (recorded by {@link StudentTimelines#append} and turned
 * into spells by {@link SpellSync#sync}) and the spells that sync gave them (stored by {@link StudentTimelines#store}).
 */
public final class StudentSet {
    /** A student as stored: the pseudonym, sex ('M'/'F'), birth year and the last four IIN digits if known. */
    public record Student(String studentId, char sex, int birthYear, String iinLast4) {
    }

    /** An entry appended in this transaction; {@code payloadHash} is null for registry entries. */
    public record Appended(String studentId, TimelineEntry entry, byte[] payloadHash) {
    }

    private final Map<String, Student> students;
    private final Map<String, List<TimelineEntry>> timelines;
    private final Map<String, List<StoredSpell>> spells;
    private final List<Appended> appended = new ArrayList<>();
    private final Set<String> changed = new LinkedHashSet<>();
    private final Set<String> created = new HashSet<>();

    StudentSet(Map<String, Student> students, Map<String, List<TimelineEntry>> timelines,
            Map<String, List<StoredSpell>> spells) {
        this.students = students;
        this.timelines = timelines;
        this.spells = spells;
    }

    /** A student not stored yet (no row, timeline, spells or conflicts): created if this transaction accepts for it. */
    void addCreated(Student student) {
        students.put(student.studentId(), student);
        created.add(student.studentId());
    }

    /** A stored student, locked, with its timeline and spells as stored. */
    void addStored(Student student, List<TimelineEntry> timeline, List<StoredSpell> storedSpells) {
        students.put(student.studentId(), student);
        timelines.put(student.studentId(), timeline);
        spells.put(student.studentId(), storedSpells);
    }

    boolean isLocked(String studentId) {
        return students.containsKey(studentId);
    }

    public boolean created(String studentId) {
        return created.contains(studentId);
    }

    public Student student(String studentId) {
        Student student = students.get(studentId);
        if (student == null) {
            throw new IllegalStateException("student " + studentId + " was not locked in this transaction");
        }
        return student;
    }

    /** The student's timeline as stored plus what this transaction appended (do not modify). */
    public List<TimelineEntry> timeline(String studentId) {
        student(studentId);
        return timelines.getOrDefault(studentId, List.of());
    }

    /**
     * The arrival number of the student's next entry: it only breaks ties between entries of the same date and kind
     * of ONE student, whose updates are serialised by the row lock, so one more than the highest so far is enough
     * (no sequence round trip).
     */
    public long nextSequence(String studentId) {
        return timeline(studentId).stream().mapToLong(TimelineEntry::sequence).max().orElse(0) + 1;
    }

    /** The student's spells: as stored, or as {@link #setSpells} made them in this transaction. */
    public List<StoredSpell> spells(String studentId) {
        student(studentId);
        return spells.getOrDefault(studentId, List.of());
    }

    void setSpells(String studentId, List<StoredSpell> synced) {
        student(studentId);
        spells.put(studentId, synced);
    }

    public void append(String studentId, TimelineEntry entry, byte[] payloadHash) {
        student(studentId);
        timelines.computeIfAbsent(studentId, id -> new ArrayList<>()).add(entry);
        appended.add(new Appended(studentId, entry, payloadHash));
        changed.add(studentId);
    }

    public List<Appended> appended() {
        return appended;
    }

    /** Students whose timeline grew in this transaction, in the order they first changed. */
    public Collection<String> changed() {
        return changed;
    }
}
