package kz.nobd.support.messaging;

import java.time.Duration;
import java.util.function.IntSupplier;

import org.jboss.logging.Logger;

/**
 * One tick of an outbox relay: publish batches until one comes back short, and log a failure once when it
 * starts and once when it ends (a relay retries every tick while Kafka is down; the log must not flood). Each tick
 * and each batch beat its {@link #heartbeat()}: a relay whose ticks stopped starting is dead (liveness), one that
 * fails because Kafka is down still ticks.
 */
public final class OutboxDrain {
    private static final Logger LOG = Logger.getLogger(OutboxDrain.class);

    private final String name;
    private final Heartbeat heartbeat;
    private volatile boolean failing;

    public OutboxDrain(String name) {
        this(name, new Heartbeat());
    }

    OutboxDrain(String name, Heartbeat heartbeat) {
        this.name = name;
        this.heartbeat = heartbeat;
    }

    public String name() {
        return name;
    }

    public Heartbeat heartbeat() {
        return heartbeat;
    }

    /** How long a service's shutdown gives its relay for a last drain. */
    public static final Duration LAST_DRAIN_TIMEOUT = Duration.ofSeconds(5);

    /**
     * A last {@link #tick} at shutdown, on a thread of its own, waited for at most {@code timeout}: what it cannot
     * publish by then (Kafka unreachable, a long backlog) stays in the outbox and is published after the next start.
     */
    public void lastTick(IntSupplier relayOnce, int batchSize, Duration timeout) {
        Thread last = new Thread(() -> tick(relayOnce, batchSize), name + " last drain");
        last.setDaemon(true);
        last.start();
        try {
            last.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (last.isAlive()) {
            LOG.warnf("%s: last drain unfinished after %d ms; what is left is published after the next start", name,
                    timeout.toMillis());
        }
    }

    /** Runs {@code relayOnce} (returns the number published) until it publishes less than {@code batchSize}. */
    public void tick(IntSupplier relayOnce, int batchSize) {
        try {
            heartbeat.beat();
            while (relayOnce.getAsInt() == batchSize) {
                heartbeat.beat(); // a full batch: more may be waiting
            }
            if (failing) {
                LOG.infof("%s recovered", name);
                failing = false;
            }
        } catch (RuntimeException e) {
            if (!failing) {
                LOG.warnf("%s could not publish, will retry: %s", name, e.getMessage());
            }
            failing = true;
        }
    }
}
