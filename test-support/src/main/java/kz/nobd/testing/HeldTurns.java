package kz.nobd.testing;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Every turn of a service's bound held by threads of the test until {@link #close()}: other work in progress, so
 * that the next request must be refused. {@code inTurn} is the service's own entry (e.g. {@code turns::inTurn}).
 */
public final class HeldTurns implements AutoCloseable {
    private final CountDownLatch release = new CountDownLatch(1);

    private HeldTurns() {
    }

    /** Takes {@code count} turns and returns once all are held (an assertion error after 10 s). */
    public static HeldTurns take(int count, Consumer<Supplier<Boolean>> inTurn) throws InterruptedException {
        HeldTurns held = new HeldTurns();
        CountDownLatch taken = new CountDownLatch(count);
        for (int i = 0; i < count; i++) {
            Thread holder = new Thread(() -> inTurn.accept(() -> {
                taken.countDown();
                try {
                    return held.release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }), "turn-holder-" + i);
            holder.setDaemon(true);
            holder.start();
        }
        if (!taken.await(10, TimeUnit.SECONDS)) {
            held.close();
            throw new AssertionError("only " + (count - taken.getCount()) + " of " + count + " turns taken in 10 s");
        }
        return held;
    }

    @Override
    public void close() {
        release.countDown();
    }
}
