package kz.nobd.ingest.store;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kz.nobd.ingest.domain.TimelineEntry;

/**
 * The students one transaction works on, locked and loaded in one go: their sex and birth year, their timelines and
 * spells, the entries appended to them in this transaction (recorded by {@link StudentTimelines#append} and turned
 * into spells by {@link StudentStateWriter#writeWithFacts}) and the spells that replay gave them (stored by {@link StudentTimelines#store}).
 */
public final class StudentSet {
    /** A student as stored: the pseudonym, sex ('M'/'F'), birth year and the last four IIN digits if known. */
    public record Student(String studentId, char sex, int birthYear, String iinLast4) {
    }

    /** An entry appended in this transaction; {@code payloadHash} is null for registry entries. */
    public record Appended(String studentId, TimelineEntry entry, byte[] payloadHash) {
    }

    /**
     * One student of the set with everything the transaction knows of it, found with one lookup by pseudonym (a
     * batch's students are thousands of cold keys: every extra map lookup per student was a cache miss).
     */
    public static final class Member {
        private final Student student;
        private final boolean created;
        private final List<TimelineEntry> timeline;
        private List<StoredSpell> spells;
        private boolean changed;

        private Member(Student student, boolean created, List<TimelineEntry> timeline, List<StoredSpell> spells) {
            this.student = student;
            this.created = created;
            this.timeline = timeline;
            this.spells = spells;
        }

        public Student student() {
            return student;
        }

        public String studentId() {
            return student.studentId();
        }

        /** Not stored yet (no row, timeline, spells or conflicts): created if this transaction accepts for it. */
        public boolean created() {
            return created;
        }

        /** The timeline as stored plus what this transaction appended (do not modify). */
        public List<TimelineEntry> timeline() {
            return timeline;
        }

        /** The spells as stored, or as {@link StudentStateWriter} made them in this transaction. */
        public List<StoredSpell> spells() {
            return spells;
        }

        void setSpells(List<StoredSpell> synced) {
            this.spells = synced;
        }
    }

    private final Map<String, Member> members = new HashMap<>();
    private final List<Appended> appended = new ArrayList<>();
    private final List<Member> changed = new ArrayList<>();

    StudentSet() {
    }

    /** A student not stored yet: created if this transaction accepts an event for it. */
    void addCreated(Student student) {
        members.put(student.studentId(), new Member(student, true, new ArrayList<>(), List.of()));
    }

    /** A stored student, locked, with its timeline and spells as stored. */
    void addStored(Student student, List<TimelineEntry> timeline, List<StoredSpell> storedSpells) {
        members.put(student.studentId(), new Member(student, false, new ArrayList<>(timeline), storedSpells));
    }

    boolean isLocked(String studentId) {
        return members.containsKey(studentId);
    }

    public Member member(String studentId) {
        Member member = members.get(studentId);
        if (member == null) {
            throw new IllegalStateException("student " + studentId + " was not locked in this transaction");
        }
        return member;
    }

    /**
     * The arrival number of the member's next entry: it only breaks ties between entries of the same date and kind
     * of ONE student, whose updates are serialised by the row lock, so one more than the highest so far is enough
     * (no sequence round trip).
     */
    public static long nextSequence(Member member) {
        long highest = 0;
        for (TimelineEntry entry : member.timeline()) {
            highest = Math.max(highest, entry.sequence());
        }
        return highest + 1;
    }

    public void append(Member member, TimelineEntry entry, byte[] payloadHash) {
        member.timeline.add(entry);
        appended.add(new Appended(member.studentId(), entry, payloadHash));
        if (!member.changed) {
            member.changed = true;
            changed.add(member);
        }
    }

    public List<Appended> appended() {
        return appended;
    }

    /** Students whose timeline grew in this transaction, in the order they first changed. */
    public List<Member> changed() {
        return changed;
    }
}
