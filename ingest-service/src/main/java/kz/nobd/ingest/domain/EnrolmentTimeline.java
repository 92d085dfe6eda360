package kz.nobd.ingest.domain;

import kz.nobd.contracts.events.RejectionReason;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A student's enrolment as a pure function of their timeline: the same entries give the same spells and conflicts
 * whatever order they arrived in. Rules (docs/ingest.md, "Enrolment state rules"):
 * <ul>
 * <li>Order: by date; on one date TRANSFERRED, WITHDRAWN, GRADUATED, SCHOOL_CLOSED, SCHOOL_MERGED, then ENROLLED,
 * then PROMOTED (leaving before arriving); then by arrival {@code sequence}.</li>
 * <li>At most one open spell. ENROLLED at B while the student is open at A ends A's spell on B's date and raises a
 * {@link ConflictState} for A; A's TRANSFERRED to B within 30 days of B's date settles it. ENROLLED at the school of
 * the open spell is not allowed, unless that spell was opened by a merge (the school then confirms the student
 * and its event starts a new spell).</li>
 * <li>PROMOTED needs an open spell at its school and a different grade; it starts a new spell. TRANSFERRED,
 * WITHDRAWN and GRADUATED need an open spell at their school (or, for TRANSFERRED, an unsettled matching conflict)
 * and end it.</li>
 * <li>SCHOOL_CLOSED ends an open spell at the school; SCHOOL_MERGED moves it to the successor (same grade and
 * language). They are never invalid.</li>
 * <li>A spell is [validFrom, validTo); one that would end on its first day is dropped.</li>
 * <li>An entry not allowed at its position changes nothing and is listed in {@link Replay#invalid()}; the replay
 * goes on, so a retroactive school closure does not lose the rest of the timeline.</li>
 * </ul>
 */
public final class EnrolmentTimeline {
    public static final int TRANSFER_WINDOW_DAYS = 30;

    /** Timeline order: date, then {@link TimelineEntry.Kind#sameDayRank()}, then arrival. */
    public static final Comparator<TimelineEntry> ORDER = Comparator.comparing(TimelineEntry::date)
            .thenComparingInt(e -> e.kind().sameDayRank())
            .thenComparingLong(TimelineEntry::sequence);

    private EnrolmentTimeline() {
    }

    /** An entry that is not allowed at its position in the timeline (rejection reason INVALID_TRANSITION). */
    public record Invalid(TimelineEntry entry, String message) {
        public UUID eventId() {
            return entry.eventId();
        }

        public RejectionReason reason() {
            return RejectionReason.INVALID_TRANSITION;
        }
    }

    /** Spells in the order they began, conflicts in the order they were raised, invalid entries in timeline order. */
    public record Replay(List<SpellState> spells, List<ConflictState> conflicts, List<Invalid> invalid) {
        public Optional<Invalid> firstInvalid() {
            return invalid.stream().findFirst();
        }

        public Optional<SpellState> openSpell() {
            return spells.stream().filter(SpellState::isOpen).findFirst();
        }

        public List<ConflictState> openConflicts() {
            return conflicts.stream().filter(c -> !c.isSettled()).toList();
        }
    }

    public static Replay replay(Collection<TimelineEntry> entries) {
        TimelineState state = new TimelineState();
        List<Invalid> invalid = new ArrayList<>();
        for (TimelineEntry entry : entries.stream().sorted(ORDER).toList()) {
            String problem = state.apply(entry);
            if (problem != null) {
                invalid.add(new Invalid(entry, problem));
            }
        }
        return new Replay(state.spells(), state.conflicts(), List.copyOf(invalid));
    }

    /**
     * Why {@code candidate} may not join {@code timeline}, or empty when it may: it must be allowed at its position
     * and must not make any entry that was allowed before not allowed (an event dated before a later one it
     * contradicts). Entries already invalid in {@code timeline} do not count against the candidate.
     */
    public static Optional<Invalid> objectionTo(Collection<TimelineEntry> timeline, TimelineEntry candidate) {
        Set<UUID> invalidBefore = replay(timeline).invalid().stream().map(Invalid::eventId).collect(Collectors.toSet());
        List<TimelineEntry> with = new ArrayList<>(timeline);
        with.add(candidate);
        for (Invalid invalid : replay(with).invalid()) {
            if (invalid.eventId().equals(candidate.eventId())) {
                return Optional.of(invalid);
            }
            if (!invalidBefore.contains(invalid.eventId())) {
                TimelineEntry broken = invalid.entry();
                return Optional.of(new Invalid(candidate, "it contradicts the later " + broken.kind() + " at school "
                        + broken.schoolBin() + " on " + broken.date() + ": " + invalid.message()));
            }
        }
        return Optional.empty();
    }

    public static boolean acceptable(Collection<TimelineEntry> timeline, TimelineEntry candidate) {
        return objectionTo(timeline, candidate).isEmpty();
    }
}
