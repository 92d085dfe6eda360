package kz.nobd.support;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the services probe their database and Kafka for readiness (prefix {@code nobd.health}). */
@ConfigMapping(prefix = "nobd.health")
public interface HealthProbeConfig {
    /** The pause between two probes of a dependency. */
    @WithDefault("2s")
    Duration probeInterval();

    /** How long one probe may wait for its dependency. */
    @WithDefault("2s")
    Duration probeTimeout();

    /** A probe result older than this counts as DOWN (the probe itself hangs). */
    @WithDefault("10s")
    Duration staleAfter();
}
