package kz.nobd.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/**
 * Caught up once every partition's position reached the end offset it had at start-up; never before the target
 * is known; an empty topic is caught up at once; records of later offsets do not move a position back.
 */
class CatchUpTest {
    static final TopicPartition P0 = new TopicPartition("t", 0);
    static final TopicPartition P1 = new TopicPartition("t", 1);

    final CatchUp catchUp = new CatchUp();

    @Test
    void notCaughtUpBeforeTheTargetIsKnown() {
        assertThat(catchUp.caughtUp()).isFalse();
        assertThat(catchUp.advance(List.of(record(P0, 0)))).isFalse();
        assertThat(catchUp.caughtUp()).isFalse();
    }

    @Test
    void anEmptyTopicIsCaughtUpAtOnce() {
        catchUp.recordTarget(Map.of(P0, 0L, P1, 0L), Map.of(P0, 0L, P1, 0L));
        assertThat(catchUp.caughtUp()).isTrue();
    }

    @Test
    void caughtUpWhenEveryPartitionReachedItsEnd() {
        catchUp.recordTarget(Map.of(P0, 3L, P1, 2L), Map.of(P0, 1L, P1, 0L));
        assertThat(catchUp.advance(List.of(record(P0, 1), record(P0, 2)))).isFalse();
        assertThat(catchUp.caughtUp()).isFalse(); // P1 still behind
        assertThat(catchUp.advance(List.of(record(P1, 1)))).isTrue(); // this batch completed it
        assertThat(catchUp.caughtUp()).isTrue();
        assertThat(catchUp.advance(List.of(record(P1, 2)))).isFalse(); // only the completing batch says so
        assertThat(catchUp.target()).containsExactlyInAnyOrderEntriesOf(Map.of(P0, 3L, P1, 2L));
    }

    @Test
    void aStartAtTheEndCountsAsCaughtUp() {
        catchUp.recordTarget(Map.of(P0, 5L), Map.of(P0, 5L)); // stored offsets already at the end
        assertThat(catchUp.caughtUp()).isTrue();
    }

    @Test
    void anOlderRecordDoesNotMoveThePositionBack() {
        catchUp.recordTarget(Map.of(P0, 4L), Map.of(P0, 0L));
        catchUp.advance(List.of(record(P0, 3)));
        catchUp.advance(List.of(record(P0, 1)));
        assertThat(catchUp.caughtUp()).isTrue();
    }

    static ConsumerRecord<String, byte[]> record(TopicPartition tp, long offset) {
        return new ConsumerRecord<>(tp.topic(), tp.partition(), offset, "k", new byte[0]);
    }
}
