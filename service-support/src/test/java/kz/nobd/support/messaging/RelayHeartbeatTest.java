package kz.nobd.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * A relay is dead when no tick has started for a minute; one whose ticks fail (Kafka down) is alive, and so is one
 * draining a long backlog in one tick (each batch beats).
 */
class RelayHeartbeatTest {
    final AtomicLong now = new AtomicLong(5_000_000_000L);
    final OutboxDrain relay = new OutboxDrain("test relay", new Heartbeat(now::get));

    @Test
    void aRelayFailingBecauseKafkaIsDownStaysAlive() {
        for (int tick = 0; tick < 10; tick++) {
            now.addAndGet(Duration.ofSeconds(30).toNanos()); // each failing tick waits for Kafka's timeouts
            relay.tick(() -> {
                throw new IllegalStateException("Kafka did not acknowledge the batch");
            }, 500);
        }
        assertThat(relay.heartbeat().silence()).isZero();
        assertThat(BackgroundWork.liveness(List.of(), List.of(relay)).getStatus().name()).isEqualTo("UP");
    }

    @Test
    void aRelayWhoseTicksStoppedIsDeadAfterAMinute() {
        relay.tick(() -> 0, 500);
        now.addAndGet(Duration.ofSeconds(59).toNanos());
        assertThat(BackgroundWork.liveness(List.of(), List.of(relay)).getStatus().name()).isEqualTo("UP");
        now.addAndGet(Duration.ofSeconds(1).toNanos());
        var response = BackgroundWork.liveness(List.of(), List.of(relay));
        assertThat(response.getStatus().name()).isEqualTo("DOWN");
        assertThat(response.getName()).isEqualTo("background-work");
        assertThat(response.getData().orElseThrow()).containsEntry("test relay", "dead: no tick started for 60 s");
    }

    @Test
    void eachBatchOfALongDrainBeats() {
        AtomicLong batches = new AtomicLong();
        relay.tick(() -> {
            now.addAndGet(Duration.ofSeconds(50).toNanos()); // 50 s per full batch, three of them
            return batches.incrementAndGet() < 4 ? 500 : 10;
        }, 500);
        assertThat(relay.heartbeat().silence()).isEqualTo(Duration.ofSeconds(50));
    }
}
