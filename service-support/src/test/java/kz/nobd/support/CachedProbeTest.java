package kz.nobd.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/** The readiness probe's cache: the last outcome at once, DOWN before the first and when the probe hangs. */
class CachedProbeTest {
    final AtomicLong now = new AtomicLong(1_000_000_000L);

    @Test
    void answersTheLastOutcome() {
        AtomicBoolean up = new AtomicBoolean(true);
        CachedProbe probe = switchable("kafka", up, "1 broker(s)", "no broker answered");
        assertThat(probe.current()).isEqualTo(new CachedProbe.Result(false, "not probed yet"));
        probe.run();
        assertThat(probe.current()).isEqualTo(new CachedProbe.Result(true, "1 broker(s)"));
        up.set(false);
        probe.run();
        assertThat(probe.current()).isEqualTo(
                new CachedProbe.Result(false, "IllegalStateException: no broker answered"));
    }

    @Test
    void aHangingProbeDoesNotHoldTheAnswerAndTurnsDownWhenStale() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean hang = new AtomicBoolean(false);
        CachedProbe probe = new CachedProbe("database", () -> {
            if (hang.get()) {
                release.await(); // a database that accepted the connection and never answers
            }
            return "answered";
        }, Duration.ofSeconds(10), now::get);
        probe.run();
        hang.set(true);
        Thread hanging = new Thread(probe::run, "hanging-probe");
        hanging.start();
        try {
            long started = System.nanoTime();
            assertThat(probe.current().up()).isTrue(); // the last outcome is 5 s old: still fresh
            now.addAndGet(Duration.ofSeconds(11).toNanos());
            CachedProbe.Result stale = probe.current();
            // the hanging probe never returns until released: an answer at all proves it was not waited for (5 s of
            // margin for a loaded machine: 0.2 s failed once while a benchmark ran beside the tests)
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
            assertThat(stale.up()).isFalse();
            assertThat(stale.detail()).isEqualTo("the probe has not finished for 11 s (last: answered)");
        } finally {
            release.countDown();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> !hanging.isAlive());
        assertThat(probe.current()).isEqualTo(new CachedProbe.Result(true, "answered"));
    }

    @Test
    void saidDownOnlyAfterAProbeOrARequestFoundItUnreachable() {
        AtomicBoolean up = new AtomicBoolean(true);
        CachedProbe probe = switchable("database", up, "answered", "connection refused");
        assertThat(probe.saidDown()).as("not probed yet: the gate stays open at start-up").isFalse();
        probe.run();
        assertThat(probe.saidDown()).isFalse();

        probe.markDown("PSQLException: Connection to 127.0.0.1:15432 refused");
        assertThat(probe.saidDown()).isTrue();
        assertThat(probe.current()).isEqualTo(
                new CachedProbe.Result(false, "PSQLException: Connection to 127.0.0.1:15432 refused"));

        probe.run();
        assertThat(probe.saidDown()).as("the next probe that reaches it opens the gate").isFalse();
        up.set(false);
        probe.run();
        assertThat(probe.saidDown()).isTrue();
        now.addAndGet(Duration.ofMinutes(5).toNanos());
        assertThat(probe.saidDown()).as("however old").isTrue();
    }

    /** A probe on the test's clock that answers {@code detail} while {@code up}, else fails with {@code failure}. */
    private CachedProbe switchable(String name, AtomicBoolean up, String detail, String failure) {
        return new CachedProbe(name, () -> {
            if (!up.get()) {
                throw new IllegalStateException(failure);
            }
            return detail;
        }, Duration.ofSeconds(10), now::get);
    }
}
