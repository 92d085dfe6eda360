package kz.nobd.ingest.domain;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import kz.nobd.contracts.Language;

/**
 * The mutable state of one replay of {@link EnrolmentTimeline}: the spells so far, at most one of them open, and
 * the conflicts. {@link #apply} takes entries in timeline order and either changes the state or, leaving it as it
 * was, says why the entry is not allowed there.
 */
final class TimelineState {
    private final List<SpellState> closed = new ArrayList<>();
    private final List<ConflictState> conflicts = new ArrayList<>();
    private SpellState open;
    private boolean openedByMerge;

    List<SpellState> spells() {
        List<SpellState> all = new ArrayList<>(closed);
        if (open != null) {
            all.add(open);
        }
        return List.copyOf(all);
    }

    List<ConflictState> conflicts() {
        return List.copyOf(conflicts);
    }

    /** Applies {@code e}; null when it is allowed, else why not (the state is then unchanged). */
    String apply(TimelineEntry e) {
        return switch (e.kind()) {
            case ENROLLED -> enrol(e);
            case PROMOTED -> promote(e);
            case TRANSFERRED -> transfer(e);
            case WITHDRAWN, GRADUATED -> leave(e);
            case SCHOOL_CLOSED -> closeSchool(e);
            case SCHOOL_MERGED -> mergeSchool(e);
        };
    }

    private String enrol(TimelineEntry e) {
        if (openAt(e.schoolBin())) {
            if (!openedByMerge) {
                return "already enrolled at school " + e.schoolBin() + " since " + open.validFrom()
                        + " (grade " + open.grade() + ")";
            }
            // the school confirms a student the registry moved to it: its own event replaces the presumed spell
            close(e);
        } else if (open != null) {
            SpellState previous = open;
            close(e);
            conflicts.add(new ConflictState(previous.schoolBin(), previous.openedBy(), previous.grade(),
                    e.schoolBin(), e.date(), e.eventId(), null));
        }
        start(e.schoolBin(), e.grade(), e.language(), e.date(), e.eventId(), false);
        return null;
    }

    private String promote(TimelineEntry e) {
        if (!openAt(e.schoolBin())) {
            return notEnrolled(e);
        }
        if (open.grade() == e.grade()) {
            return "already in grade " + e.grade() + " at school " + e.schoolBin() + " since " + open.validFrom()
                    + "; a promotion must change the grade";
        }
        close(e);
        start(e.schoolBin(), e.grade(), e.language(), e.date(), e.eventId(), false);
        return null;
    }

    private String transfer(TimelineEntry e) {
        if (openAt(e.schoolBin())) {
            close(e);
            return null;
        }
        for (int i = conflicts.size() - 1; i >= 0; i--) {
            ConflictState c = conflicts.get(i);
            if (!c.isSettled() && c.schoolBin().equals(e.schoolBin()) && c.otherBin().equals(e.toSchoolBin())
                    && withinTransferWindow(c.date(), e.date())) {
                conflicts.set(i, c.settledBy(e.eventId()));
                return null;
            }
        }
        return notEnrolled(e);
    }

    private String leave(TimelineEntry e) {
        if (!openAt(e.schoolBin())) {
            return notEnrolled(e);
        }
        close(e);
        return null;
    }

    private String closeSchool(TimelineEntry e) {
        if (openAt(e.schoolBin())) {
            close(e);
        }
        return null;
    }

    private String mergeSchool(TimelineEntry e) {
        if (openAt(e.schoolBin())) {
            SpellState previous = open;
            close(e);
            start(e.toSchoolBin(), previous.grade(), previous.language(), e.date(), e.eventId(), true);
        }
        return null;
    }

    private boolean openAt(String schoolBin) {
        return open != null && open.schoolBin().equals(schoolBin);
    }

    private static boolean withinTransferWindow(LocalDate enrolledOn, LocalDate transferredOn) {
        return Math.abs(ChronoUnit.DAYS.between(enrolledOn, transferredOn)) <= EnrolmentTimeline.TRANSFER_WINDOW_DAYS;
    }

    private String notEnrolled(TimelineEntry e) {
        String where = open == null ? "not enrolled anywhere"
                : "enrolled at school " + open.schoolBin() + " since " + open.validFrom();
        return e.kind() + " needs an open enrolment at school " + e.schoolBin() + " on " + e.date()
                + ", but the student is " + where;
    }

    /** Ends the open spell on the entry's date; a spell that would end where it began is dropped. */
    private void close(TimelineEntry e) {
        if (!e.date().equals(open.validFrom())) {
            closed.add(open.closedAt(e.date(), e.eventId()));
        }
        open = null;
    }

    private void start(String schoolBin, int grade, Language language, LocalDate from, UUID by, boolean merge) {
        open = new SpellState(schoolBin, grade, language, from, null, by, null);
        openedByMerge = merge;
    }
}
