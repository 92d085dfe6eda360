package kz.nobd.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/** The relays' last drain at shutdown: it publishes what waits, and gives up after its time. */
class OutboxDrainTest {

    @Test
    void theLastTickPublishesUntilABatchComesBackShort() {
        AtomicInteger calls = new AtomicInteger();
        int[] published = {500, 500, 3};

        new OutboxDrain("test relay").lastTick(() -> published[calls.getAndIncrement()], 500, Duration.ofSeconds(10));

        assertThat(calls).hasValue(3);
    }

    @Test
    void aLastTickThatCannotFinishIsLeftAfterItsTime() throws InterruptedException {
        CountDownLatch kafkaAnswers = new CountDownLatch(1);
        long started = System.nanoTime();

        new OutboxDrain("test relay").lastTick(() -> {
            try {
                kafkaAnswers.await(30, TimeUnit.SECONDS); // a send that waits for an unreachable broker
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        }, 500, Duration.ofMillis(300));

        long waitedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        kafkaAnswers.countDown();
        assertThat(waitedMs).isBetween(300L, 5_000L);
    }
}
