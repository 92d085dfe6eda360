package kz.nobd.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;

/** Readiness checks {@code database} and {@code kafka}: the last background probe, on the event loop, at once. */
public final class DependencyReadiness {
    private DependencyReadiness() {
    }

    static HealthCheckResponse of(CachedProbe probe) {
        CachedProbe.Result result = probe.current();
        return HealthCheckResponse.named(probe.name()).status(result.up()).withData("detail", result.detail()).build();
    }

    @Readiness
    @ApplicationScoped
    public static class Database implements AsyncHealthCheck {
        @Inject
        DependencyProbes probes;

        @Override
        public Uni<HealthCheckResponse> call() {
            return Uni.createFrom().item(() -> of(probes.database()));
        }
    }

    @Readiness
    @ApplicationScoped
    public static class Kafka implements AsyncHealthCheck {
        @Inject
        DependencyProbes probes;

        @Override
        public Uni<HealthCheckResponse> call() {
            return Uni.createFrom().item(() -> of(probes.kafka()));
        }
    }
}
