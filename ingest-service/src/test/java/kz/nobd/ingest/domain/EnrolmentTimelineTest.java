package kz.nobd.ingest.domain;

import kz.nobd.contracts.events.EnrolmentEventType;
import kz.nobd.contracts.events.RejectionReason;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import kz.nobd.contracts.Language;
import kz.nobd.ingest.domain.EnrolmentTimeline.Invalid;
import kz.nobd.ingest.domain.EnrolmentTimeline.Replay;
import kz.nobd.ingest.domain.TimelineEntry.Kind;

class EnrolmentTimelineTest {
    private static final String A = Ids.bin(1);
    private static final String B = Ids.bin(2);
    private static final String C = Ids.bin(3);
    private static final String S = Ids.bin(4);
    private long sequence;

    @Test
    void enrolPromoteGraduate() {
        TimelineEntry enrolled = enrolled(A, 10, "2024-09-01");
        TimelineEntry promoted = promoted(A, 11, "2025-05-25");
        TimelineEntry graduated = left(Kind.GRADUATED, A, "2026-05-25");
        Replay replay = EnrolmentTimeline.replay(List.of(enrolled, promoted, graduated));
        assertThat(replay.spells()).containsExactly(
                spell(A, 10, "2024-09-01", "2025-05-25", enrolled, promoted),
                spell(A, 11, "2025-05-25", "2026-05-25", promoted, graduated));
        assertThat(replay.conflicts()).isEmpty();
        assertThat(replay.invalid()).isEmpty();
        assertThat(replay.firstInvalid()).isEmpty();
        assertThat(replay.openSpell()).isEmpty();
    }

    @Test
    void aPromotionMayChangeTheLanguage() {
        TimelineEntry enrolled = enrolled(A, 4, "2024-09-01");
        TimelineEntry promoted = new TimelineEntry(UUID.randomUUID(), Kind.PROMOTED, A, 5, Language.RU,
                LocalDate.parse("2025-05-25"), null, ++sequence);
        assertThat(EnrolmentTimeline.replay(List.of(enrolled, promoted)).openSpell()).get()
                .extracting(SpellState::grade, SpellState::language).containsExactly(5, Language.RU);
    }

    @Test
    void transferReportedBeforeTheEnrolmentAtTheNewSchool() {
        TimelineEntry atA = enrolled(A, 5, "2025-09-01");
        TimelineEntry transferred = transferred(A, B, "2025-11-10");
        TimelineEntry atB = enrolled(B, 5, "2025-11-12");
        Replay replay = EnrolmentTimeline.replay(List.of(atA, transferred, atB));
        assertThat(replay.spells()).containsExactly(
                spell(A, 5, "2025-09-01", "2025-11-10", atA, transferred),
                spell(B, 5, "2025-11-12", null, atB, null));
        assertThat(replay.conflicts()).isEmpty();
        assertThat(replay.invalid()).isEmpty();
    }

    @Test
    void onOneDateLeavingComesBeforeArrivingWhateverTheArrivalOrder() {
        TimelineEntry atA = enrolled(A, 5, "2025-09-01");
        TimelineEntry atB = enrolled(B, 5, "2025-11-10");
        TimelineEntry transferred = transferred(A, B, "2025-11-10");
        Replay replay = EnrolmentTimeline.replay(List.of(atA, atB, transferred));
        assertThat(replay.conflicts()).isEmpty();
        assertThat(replay.spells()).containsExactly(
                spell(A, 5, "2025-09-01", "2025-11-10", atA, transferred),
                spell(B, 5, "2025-11-10", null, atB, null));
    }

    @Test
    void enrolmentAtTheNewSchoolFirstRaisesAConflictThatTheTransferSettles() {
        TimelineEntry atA = enrolled(A, 5, "2025-09-01");
        TimelineEntry atB = enrolled(B, 5, "2025-11-12");
        Replay before = EnrolmentTimeline.replay(List.of(atA, atB));
        ConflictState open = new ConflictState(A, atA.eventId(), 5, B, date("2025-11-12"), atB.eventId(), null);
        assertThat(before.conflicts()).containsExactly(open);
        assertThat(before.openConflicts()).containsExactly(open);
        assertThat(before.spells()).containsExactly(
                spell(A, 5, "2025-09-01", "2025-11-12", atA, atB),
                spell(B, 5, "2025-11-12", null, atB, null));

        TimelineEntry transferred = transferred(A, B, "2025-11-20");
        assertThat(EnrolmentTimeline.objectionTo(List.of(atA, atB), transferred)).isEmpty();
        Replay after = EnrolmentTimeline.replay(List.of(atA, atB, transferred));
        assertThat(after.invalid()).isEmpty();
        assertThat(after.conflicts()).containsExactly(
                new ConflictState(A, atA.eventId(), 5, B, date("2025-11-12"), atB.eventId(), transferred.eventId()));
        assertThat(after.openConflicts()).isEmpty();
        assertThat(after.spells()).isEqualTo(before.spells());
    }

    @Test
    void aTransferSettlesOnlyWithinThirtyDays() {
        TimelineEntry atA = enrolled(A, 5, "2025-09-01");
        TimelineEntry atB = enrolled(B, 5, "2025-11-12");
        TimelineEntry onDay30 = transferred(A, B, "2025-12-12");
        assertThat(EnrolmentTimeline.replay(List.of(atA, atB, onDay30)).openConflicts()).isEmpty();

        TimelineEntry onDay31 = transferred(A, B, "2025-12-13");
        Replay replay = EnrolmentTimeline.replay(List.of(atA, atB, onDay31));
        assertThat(replay.openConflicts()).hasSize(1);
        assertThat(replay.firstInvalid()).get().extracting(Invalid::entry).isEqualTo(onDay31);
        assertThat(replay.firstInvalid().get().message()).isEqualTo("TRANSFERRED needs an open enrolment at school " + A
                + " on 2025-12-13, but the student is enrolled at school " + B + " since 2025-11-12");
        assertThat(replay.firstInvalid().get().reason()).isEqualTo(RejectionReason.INVALID_TRANSITION);
    }

    @Test
    void aTransferToAThirdSchoolDoesNotSettle() {
        TimelineEntry atA = enrolled(A, 5, "2025-09-01");
        TimelineEntry atB = enrolled(B, 5, "2025-11-12");
        TimelineEntry toC = transferred(A, C, "2025-11-14");
        Replay replay = EnrolmentTimeline.replay(List.of(atA, atB, toC));
        assertThat(replay.openConflicts()).hasSize(1);
        assertThat(replay.invalid()).extracting(Invalid::entry).containsExactly(toC);
    }

    @Test
    void theConflictNamesTheSpellTheFirstSchoolOpenedLast() {
        TimelineEntry atA = enrolled(A, 5, "2024-09-01");
        TimelineEntry promoted = promoted(A, 6, "2025-05-25");
        TimelineEntry atB = enrolled(B, 6, "2025-09-01");
        assertThat(EnrolmentTimeline.replay(List.of(atA, promoted, atB)).conflicts()).containsExactly(
                new ConflictState(A, promoted.eventId(), 6, B, date("2025-09-01"), atB.eventId(), null));
    }

    @Test
    void arrivalOrderDoesNotChangeTheOutcome() {
        List<TimelineEntry> timeline = List.of(
                enrolled(A, 5, "2024-09-01"),
                promoted(A, 6, "2025-05-25"),
                enrolled(B, 6, "2025-09-01"),
                transferred(A, B, "2025-09-10"),
                promoted(B, 7, "2026-05-25"),
                left(Kind.WITHDRAWN, B, "2026-06-01"),
                enrolled(C, 7, "2026-06-01"));
        Replay inOrder = EnrolmentTimeline.replay(timeline);
        assertThat(inOrder.invalid()).isEmpty();
        assertThat(inOrder.spells()).hasSize(5);
        assertThat(inOrder.conflicts()).singleElement().matches(ConflictState::isSettled);
        List<List<TimelineEntry>> arrivals = permutations(timeline);
        assertThat(arrivals).hasSize(5040);
        for (List<TimelineEntry> arrival : arrivals) {
            Replay replay = EnrolmentTimeline.replay(resequenced(arrival));
            assertThat(replay.spells()).isEqualTo(inOrder.spells());
            assertThat(replay.conflicts()).isEqualTo(inOrder.conflicts());
            assertThat(replay.invalid()).isEmpty();
        }
    }

    @Test
    void aPromotionNeedsAnEnrolmentAtThatSchoolAndANewGrade() {
        TimelineEntry early = promoted(A, 6, "2025-05-25");
        TimelineEntry atA = enrolled(A, 5, "2025-09-01");
        Replay replay = EnrolmentTimeline.replay(List.of(early, atA));
        assertThat(replay.firstInvalid()).get().extracting(Invalid::entry, Invalid::message).containsExactly(early,
                "PROMOTED needs an open enrolment at school " + A + " on 2025-05-25, but the student is not enrolled anywhere");
        assertThat(replay.spells()).containsExactly(spell(A, 5, "2025-09-01", null, atA, null));

        TimelineEntry elsewhere = promoted(B, 6, "2026-05-25");
        TimelineEntry sameGrade = promoted(A, 5, "2026-05-26");
        assertThat(EnrolmentTimeline.replay(List.of(atA, elsewhere, sameGrade)).invalid())
                .extracting(Invalid::entry).containsExactly(elsewhere, sameGrade);
        assertThat(EnrolmentTimeline.objectionTo(List.of(atA), sameGrade)).get().extracting(Invalid::message)
                .isEqualTo("already in grade 5 at school " + A + " since 2025-09-01; a promotion must change the grade");
    }

    @Test
    void aSecondEnrolmentAtTheSameSchoolIsInvalid() {
        TimelineEntry atA = enrolled(A, 5, "2025-09-01");
        TimelineEntry again = enrolled(A, 5, "2025-10-01");
        Replay replay = EnrolmentTimeline.replay(List.of(atA, again));
        assertThat(replay.invalid()).singleElement().extracting(Invalid::entry, Invalid::message)
                .containsExactly(again, "already enrolled at school " + A + " since 2025-09-01 (grade 5)");
        assertThat(replay.spells()).containsExactly(spell(A, 5, "2025-09-01", null, atA, null));
        assertThat(EnrolmentTimeline.acceptable(List.of(atA), again)).isFalse();
    }

    @Test
    void leavingNeedsAnOpenEnrolmentThere() {
        TimelineEntry atA = enrolled(A, 5, "2025-09-01");
        assertThat(EnrolmentTimeline.acceptable(List.of(atA), left(Kind.WITHDRAWN, B, "2025-10-01"))).isFalse();
        assertThat(EnrolmentTimeline.acceptable(List.of(), left(Kind.GRADUATED, A, "2025-10-01"))).isFalse();
        assertThat(EnrolmentTimeline.acceptable(List.of(), transferred(A, B, "2025-10-01"))).isFalse();
        assertThat(EnrolmentTimeline.acceptable(List.of(atA), left(Kind.GRADUATED, A, "2025-10-01"))).isTrue();
    }

    @Test
    void withdrawnThenEnrolledElsewhereIsNoConflict() {
        TimelineEntry atA = enrolled(A, 5, "2025-09-01");
        TimelineEntry withdrawn = left(Kind.WITHDRAWN, A, "2025-10-15");
        TimelineEntry atC = enrolled(C, 5, "2026-01-10");
        Replay replay = EnrolmentTimeline.replay(List.of(atC, withdrawn, atA));
        assertThat(replay.spells()).containsExactly(
                spell(A, 5, "2025-09-01", "2025-10-15", atA, withdrawn),
                spell(C, 5, "2026-01-10", null, atC, null));
        assertThat(replay.conflicts()).isEmpty();
        assertThat(replay.invalid()).isEmpty();
    }

    @Test
    void aClosureEndsTheOpenSpellAndIsNeverInvalid() {
        TimelineEntry atA = enrolled(A, 5, "2025-09-01");
        TimelineEntry closed = TimelineEntry.schoolClosed(UUID.randomUUID(), A, date("2026-01-01"), ++sequence);
        TimelineEntry otherClosed = TimelineEntry.schoolClosed(UUID.randomUUID(), B, date("2025-12-01"), ++sequence);
        Replay replay = EnrolmentTimeline.replay(List.of(atA, closed, otherClosed));
        assertThat(replay.spells()).containsExactly(spell(A, 5, "2025-09-01", "2026-01-01", atA, closed));
        assertThat(replay.invalid()).isEmpty();
        assertThat(EnrolmentTimeline.acceptable(List.of(), closed)).isTrue();
        assertThat(closed.fromRegistry()).isTrue();
    }

    @Test
    void aMergerMovesTheOpenSpellToTheSuccessor() {
        TimelineEntry atA = enrolled(A, 5, "2025-09-01");
        TimelineEntry merged = TimelineEntry.schoolMerged(UUID.randomUUID(), A, S, date("2026-01-01"), ++sequence);
        TimelineEntry promoted = promoted(S, 6, "2026-05-25");
        Replay replay = EnrolmentTimeline.replay(List.of(atA, merged, promoted));
        assertThat(replay.spells()).containsExactly(
                spell(A, 5, "2025-09-01", "2026-01-01", atA, merged),
                new SpellState(S, 5, Language.KK, date("2026-01-01"), date("2026-05-25"), merged.eventId(),
                        promoted.eventId()),
                spell(S, 6, "2026-05-25", null, promoted, null));
        assertThat(replay.invalid()).isEmpty();
    }

    @Test
    void theSuccessorMayConfirmAStudentTheMergerMovedToIt() {
        TimelineEntry atA = enrolled(A, 5, "2025-09-01");
        TimelineEntry merged = TimelineEntry.schoolMerged(UUID.randomUUID(), A, S, date("2026-01-01"), ++sequence);
        TimelineEntry sameDay = enrolled(S, 5, "2026-01-01");
        Replay replay = EnrolmentTimeline.replay(List.of(atA, merged, sameDay));
        assertThat(replay.invalid()).isEmpty();
        assertThat(replay.conflicts()).isEmpty();
        assertThat(replay.spells()).containsExactly(
                spell(A, 5, "2025-09-01", "2026-01-01", atA, merged),
                spell(S, 5, "2026-01-01", null, sameDay, null));

        TimelineEntry secondConfirmation = enrolled(S, 5, "2026-01-20");
        assertThat(EnrolmentTimeline.acceptable(List.of(atA, merged, sameDay), secondConfirmation)).isFalse();
    }

    @Test
    void aSpellThatWouldEndOnItsFirstDayIsDropped() {
        TimelineEntry atA = enrolled(A, 5, "2025-09-01");
        TimelineEntry corrected = promoted(A, 6, "2025-09-01");
        assertThat(EnrolmentTimeline.replay(List.of(corrected, atA)).spells())
                .containsExactly(spell(A, 6, "2025-09-01", null, corrected, null));

        TimelineEntry atB = enrolled(B, 5, "2025-09-01");
        Replay sameDayClaim = EnrolmentTimeline.replay(List.of(atA, atB));
        assertThat(sameDayClaim.spells()).containsExactly(spell(B, 5, "2025-09-01", null, atB, null));
        assertThat(sameDayClaim.conflicts()).singleElement().extracting(ConflictState::schoolEventId).isEqualTo(atA.eventId());
    }

    @Test
    void aRetroactiveClosureInvalidatesLaterEventsButTheReplayGoesOn() {
        TimelineEntry atA = enrolled(A, 5, "2025-09-01");
        TimelineEntry promoted = promoted(A, 6, "2026-05-25");
        TimelineEntry closed = TimelineEntry.schoolClosed(UUID.randomUUID(), A, date("2026-03-01"), ++sequence);
        TimelineEntry atB = enrolled(B, 6, "2026-09-01");
        Replay replay = EnrolmentTimeline.replay(List.of(atA, promoted, closed, atB));
        assertThat(replay.invalid()).extracting(Invalid::entry).containsExactly(promoted);
        assertThat(replay.spells()).containsExactly(
                spell(A, 5, "2025-09-01", "2026-03-01", atA, closed),
                spell(B, 6, "2026-09-01", null, atB, null));
        assertThat(EnrolmentTimeline.acceptable(List.of(atA, promoted, closed), atB))
                .as("an entry that was invalid already does not count against a new one").isTrue();
    }

    @Test
    void aLateEventThatContradictsALaterAcceptedOneIsNotAcceptable() {
        TimelineEntry atA = enrolled(A, 5, "2025-09-01");
        TimelineEntry promoted = promoted(A, 6, "2026-05-25");
        TimelineEntry lateWithdrawal = left(Kind.WITHDRAWN, A, "2026-02-01");
        assertThat(EnrolmentTimeline.objectionTo(List.of(atA, promoted), lateWithdrawal)).get()
                .extracting(Invalid::entry, Invalid::message).containsExactly(lateWithdrawal,
                        "it contradicts the later PROMOTED at school " + A + " on 2026-05-25: PROMOTED needs an open"
                                + " enrolment at school " + A + " on 2026-05-25, but the student is not enrolled anywhere");
        assertThat(EnrolmentTimeline.acceptable(List.of(atA, promoted), left(Kind.WITHDRAWN, A, "2026-06-01"))).isTrue();
    }

    @Test
    void entriesCarryWhatTheirKindNeeds() {
        UUID id = UUID.randomUUID();
        LocalDate day = date("2025-09-01");
        assertThatThrownBy(() -> new TimelineEntry(id, Kind.ENROLLED, A, null, Language.KK, day, null, 1))
                .hasMessage("ENROLLED needs a grade and a language");
        assertThatThrownBy(() -> new TimelineEntry(id, Kind.TRANSFERRED, A, 5, Language.KK, day, null, 1))
                .hasMessage("TRANSFERRED needs the receiving or successor school in toSchoolBin");
        assertThatThrownBy(() -> new TimelineEntry(id, Kind.SCHOOL_CLOSED, null, null, null, day, null, 1))
                .isInstanceOf(NullPointerException.class);
    }

    @Test
    void anAcceptedEventBecomesAnEntry() {
        EnrolmentEvent event = new EnrolmentEvent(UUID.randomUUID(), EnrolmentEventType.TRANSFERRED, "x".repeat(43), 'M',
                2015, null, A, 5, Language.RU, date("2025-11-10"), "2025-2026", B, null);
        assertThat(TimelineEntry.of(event, 7)).isEqualTo(new TimelineEntry(event.eventId(), Kind.TRANSFERRED, A, 5,
                Language.RU, date("2025-11-10"), B, 7));
    }

    private TimelineEntry enrolled(String school, int grade, String date) {
        return new TimelineEntry(UUID.randomUUID(), Kind.ENROLLED, school, grade, Language.KK, date(date), null, ++sequence);
    }

    private TimelineEntry promoted(String school, int grade, String date) {
        return new TimelineEntry(UUID.randomUUID(), Kind.PROMOTED, school, grade, Language.KK, date(date), null, ++sequence);
    }

    private TimelineEntry transferred(String from, String to, String date) {
        return new TimelineEntry(UUID.randomUUID(), Kind.TRANSFERRED, from, 5, Language.KK, date(date), to, ++sequence);
    }

    private TimelineEntry left(Kind kind, String school, String date) {
        return new TimelineEntry(UUID.randomUUID(), kind, school, 5, Language.KK, date(date), null, ++sequence);
    }

    private static SpellState spell(String school, int grade, String from, String to, TimelineEntry openedBy,
            TimelineEntry closedBy) {
        return new SpellState(school, grade, Language.KK, date(from), to == null ? null : date(to), openedBy.eventId(),
                closedBy == null ? null : closedBy.eventId());
    }

    private static LocalDate date(String iso) {
        return LocalDate.parse(iso);
    }

    /** The same entries with sequence numbers that follow the given arrival order. */
    private static List<TimelineEntry> resequenced(List<TimelineEntry> arrival) {
        List<TimelineEntry> out = new ArrayList<>();
        for (TimelineEntry e : arrival) {
            out.add(new TimelineEntry(e.eventId(), e.kind(), e.schoolBin(), e.grade(), e.language(), e.date(),
                    e.toSchoolBin(), out.size()));
        }
        return out;
    }

    private static List<List<TimelineEntry>> permutations(List<TimelineEntry> items) {
        if (items.isEmpty()) {
            return List.of(List.of());
        }
        List<List<TimelineEntry>> all = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            List<TimelineEntry> rest = new ArrayList<>(items);
            TimelineEntry first = rest.remove(i);
            for (List<TimelineEntry> tail : permutations(rest)) {
                List<TimelineEntry> permutation = new ArrayList<>();
                permutation.add(first);
                permutation.addAll(tail);
                all.add(permutation);
            }
        }
        return all;
    }
}
