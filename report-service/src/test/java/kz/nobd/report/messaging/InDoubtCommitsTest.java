package kz.nobd.report.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import kz.nobd.contracts.Language;
import kz.nobd.contracts.events.Sex;
import kz.nobd.report.domain.DeltaKey;

/** The deltas of a batch whose commit failed in doubt reach the cube exactly when its commit did happen. */
class InDoubtCommitsTest {
    private static final TopicPartition P0 = new TopicPartition("facts.enrolment.v1", 0);
    private static final TopicPartition P1 = new TopicPartition("facts.enrolment.v1", 1);
    private static final DeltaKey FIRST_GRADE = key(1);
    private static final DeltaKey SECOND_GRADE = key(2);

    private final InDoubtCommits inDoubt = new InDoubtCommits();

    @Test
    void aBatchWhoseOffsetsWereStoredIsOwedUntilACommitAppliesIt() {
        inDoubt.failed(Map.of(P0, 100L, P1, 50L), Map.of(FIRST_GRADE, 7));
        assertThat(inDoubt.pending()).isTrue();

        Map<DeltaKey, Integer> all = inDoubt.plus(Map.of(P0, 100L, P1, 50L), Map.of(FIRST_GRADE, 1, SECOND_GRADE, 2));
        assertThat(all).containsExactlyInAnyOrderEntriesOf(Map.of(FIRST_GRADE, 8, SECOND_GRADE, 2));

        // that commit failed too, before committing: still owed, and counted once
        assertThat(inDoubt.plus(Map.of(P0, 100L, P1, 50L), Map.of())).containsExactlyEntriesOf(Map.of(FIRST_GRADE, 7));
        inDoubt.paid();
        assertThat(inDoubt.pending()).isFalse();
        assertThat(inDoubt.plus(Map.of(P0, 100L, P1, 50L), Map.of(SECOND_GRADE, 1)))
                .containsExactlyEntriesOf(Map.of(SECOND_GRADE, 1));
    }

    @Test
    void aBatchWhoseOffsetsWereNotAllStoredWasNotCommittedAndIsForgotten() {
        inDoubt.failed(Map.of(P0, 100L, P1, 50L), Map.of(FIRST_GRADE, 7));

        Map<DeltaKey, Integer> all = inDoubt.plus(Map.of(P0, 100L, P1, 40L), Map.of(SECOND_GRADE, 3));

        assertThat(all).containsExactlyEntriesOf(Map.of(SECOND_GRADE, 3));
        assertThat(inDoubt.pending()).isFalse();
    }

    @Test
    void aPartitionNeverStoredMeansNotCommitted() {
        inDoubt.failed(Map.of(P0, 1L), Map.of(FIRST_GRADE, 1));

        assertThat(inDoubt.plus(Map.of(), Map.of())).isEmpty();
    }

    @Test
    void aCubeBuiltAgainFromTheDatabaseIsOwedNothing() {
        inDoubt.failed(Map.of(P0, 100L), Map.of(FIRST_GRADE, 7));
        inDoubt.plus(Map.of(P0, 100L), Map.of()); // committed: owed

        inDoubt.forget();

        assertThat(inDoubt.pending()).isFalse();
        assertThat(inDoubt.plus(Map.of(P0, 100L), Map.of())).isEmpty();
    }

    private static DeltaKey key(int grade) {
        return new DeltaKey("100000000001", grade, Sex.F, Language.KK, LocalDate.of(2026, 12, 3));
    }
}
