package kz.nobd.support.messaging;

import java.time.Duration;
import java.util.List;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * The liveness of a service's background threads (check {@value #CHECK}): DOWN when a consumer loop's thread ended
 * without being stopped, or when a relay's tick has not started for {@link #RELAY_DEAD_AFTER}. A relay that fails
 * because Kafka is down still starts its ticks and is alive. Each loop and relay is named in the data.
 */
public final class BackgroundWork {
    public static final String CHECK = "background-work";
    public static final Duration RELAY_DEAD_AFTER = Duration.ofSeconds(60);

    private BackgroundWork() {
    }

    public static HealthCheckResponse liveness(List<ConsumerLoop> loops, List<OutboxDrain> relays) {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(CHECK);
        boolean up = true;
        for (ConsumerLoop loop : loops) {
            Throwable failure = loop.failure();
            up &= failure == null;
            response.withData(loop.name(), failure == null ? (loop.ended() ? "stopped" : "running")
                    : "failed: " + failure);
        }
        for (OutboxDrain relay : relays) {
            long silent = relay.heartbeat().silence().toSeconds();
            boolean dead = relay.heartbeat().silence().compareTo(RELAY_DEAD_AFTER) >= 0;
            up &= !dead;
            response.withData(relay.name(), dead ? "dead: no tick started for " + silent + " s"
                    : "last tick started " + silent + " s ago");
        }
        return response.status(up).build();
    }
}
