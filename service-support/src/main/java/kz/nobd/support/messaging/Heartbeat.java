package kz.nobd.support.messaging;

import java.time.Duration;
import java.util.function.LongSupplier;

/** When a piece of background work last started (a relay's tick): silent too long means its thread is stuck or gone. */
public final class Heartbeat {
    private final LongSupplier nanoTime;
    private volatile long last;

    /** A heartbeat that counts as beaten now (work scheduled with a delay is not silent before it first runs). */
    public Heartbeat() {
        this(System::nanoTime);
    }

    Heartbeat(LongSupplier nanoTime) {
        this.nanoTime = nanoTime;
        this.last = nanoTime.getAsLong();
    }

    public void beat() {
        last = nanoTime.getAsLong();
    }

    /** How long since the last beat. */
    public Duration silence() {
        return Duration.ofNanos(Math.max(0, nanoTime.getAsLong() - last));
    }
}
