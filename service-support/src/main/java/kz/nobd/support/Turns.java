package kz.nobd.support;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A bound on one kind of expensive work: at most {@code max} at once; another waits up to {@code wait} for a turn
 * and is then refused with 503 and Retry-After ({@link ServiceBusyException}), never queued without end.
 */
public final class Turns {
    private final Semaphore turns;
    private final Duration wait;
    private final String refusal;
    private final Runnable onRefused;

    /** {@code refusal} is the problem's detail; {@code onRefused} runs once per refusal (a counter). */
    public Turns(int max, Duration wait, String refusal, Runnable onRefused) {
        this.turns = new Semaphore(max, true);
        this.wait = wait;
        this.refusal = refusal;
        this.onRefused = onRefused;
    }

    public <T> T run(Supplier<T> work) {
        boolean turn;
        try {
            turn = turns.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            turn = false;
        }
        if (!turn) {
            onRefused.run();
            throw new ServiceBusyException(refusal);
        }
        try {
            return work.get();
        } finally {
            turns.release();
        }
    }
}
