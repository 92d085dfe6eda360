package kz.nobd.support.messaging;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.quarkus.runtime.ShutdownEvent;

/**
 * When a service stops, after its own observers asked its loops to stop: waits, at most
 * {@link ConsumerLoop#STOP_TIMEOUT}, until every {@link ConsumerLoop} has stored and committed its batch in hand and
 * closed its consumer. The outbox relays' last drain ({@link OutboxDrain#lastTick}) observes later still.
 */
@ApplicationScoped
public class ConsumerLoopShutdown {
    /** After the observers of default priority (the services' own, which call {@link ConsumerLoop#stop}). */
    public static final int PRIORITY = Interceptor.Priority.APPLICATION + 600;
    /** After the loops ended: the relays publish what their last batches wrote. */
    public static final int RELAY_PRIORITY = Interceptor.Priority.APPLICATION + 700;

    void awaitLoops(@Observes @Priority(PRIORITY) ShutdownEvent event) {
        ConsumerLoop.stopAllLive(ConsumerLoop.STOP_TIMEOUT);
    }
}
