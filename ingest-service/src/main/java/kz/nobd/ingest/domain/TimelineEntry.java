package kz.nobd.ingest.domain;

import kz.nobd.contracts.events.EnrolmentEventType;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

import kz.nobd.contracts.Language;

/**
 * One entry of a student's enrolment timeline: an accepted enrolment event, or a registry change of a school the
 * student may be at (SCHOOL_CLOSED, SCHOOL_MERGED). {@code toSchoolBin} is the receiving school of a TRANSFERRED and
 * the successor of a SCHOOL_MERGED. {@code grade} and {@code language} are null on registry entries.
 * {@code sequence} grows with arrival and only breaks ties (same date, same kind). Event ids must be unique.
 */
public record TimelineEntry(
        UUID eventId,
        Kind kind,
        String schoolBin,
        Integer grade,
        Language language,
        LocalDate date,
        String toSchoolBin,
        long sequence) {

    /** Entry kinds with their rank among entries of one date: leaving a school comes before arriving at one. */
    public enum Kind {
        TRANSFERRED(0), WITHDRAWN(1), GRADUATED(2), SCHOOL_CLOSED(3), SCHOOL_MERGED(4), ENROLLED(5), PROMOTED(6);

        private final int sameDayRank;

        Kind(int sameDayRank) {
            this.sameDayRank = sameDayRank;
        }

        public int sameDayRank() {
            return sameDayRank;
        }

        public static Kind of(EnrolmentEventType type) {
            return valueOf(type.name());
        }
    }

    public TimelineEntry {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(schoolBin, "schoolBin");
        Objects.requireNonNull(date, "date");
        if ((kind == Kind.ENROLLED || kind == Kind.PROMOTED) && (grade == null || language == null)) {
            throw new IllegalArgumentException(kind + " needs a grade and a language");
        }
        if ((kind == Kind.TRANSFERRED || kind == Kind.SCHOOL_MERGED) && toSchoolBin == null) {
            throw new IllegalArgumentException(kind + " needs the receiving or successor school in toSchoolBin");
        }
    }

    public static TimelineEntry of(EnrolmentEvent event, long sequence) {
        return new TimelineEntry(event.eventId(), Kind.of(event.type()), event.schoolBin(), event.grade(),
                event.language(), event.occurredOn(), event.toSchoolBin(), sequence);
    }

    public static TimelineEntry schoolClosed(UUID entryId, String schoolBin, LocalDate closedOn, long sequence) {
        return new TimelineEntry(entryId, Kind.SCHOOL_CLOSED, schoolBin, null, null, closedOn, null, sequence);
    }

    public static TimelineEntry schoolMerged(UUID entryId, String schoolBin, String successorBin, LocalDate mergedOn,
            long sequence) {
        return new TimelineEntry(entryId, Kind.SCHOOL_MERGED, schoolBin, null, null, mergedOn, successorBin, sequence);
    }

    /** A registry change rather than a school's event. */
    public boolean fromRegistry() {
        return kind == Kind.SCHOOL_CLOSED || kind == Kind.SCHOOL_MERGED;
    }
}
