package kz.nobd.support;

import java.util.function.IntSupplier;

import org.jboss.logging.Logger;

/**
 * One tick of an outbox relay: publish batches until one comes back short, and log a failure once when it
 * starts and once when it ends (a relay retries every tick while Kafka is down; the log must not flood).
 */
public final class OutboxDrain {
    private static final Logger LOG = Logger.getLogger(OutboxDrain.class);

    private final String name;
    private volatile boolean failing;

    public OutboxDrain(String name) {
        this.name = name;
    }

    /** Runs {@code relayOnce} (returns the number published) until it publishes less than {@code batchSize}. */
    public void tick(IntSupplier relayOnce, int batchSize) {
        try {
            while (relayOnce.getAsInt() == batchSize) {
                // a full batch: more may be waiting
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
