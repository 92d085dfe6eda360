package kz.nobd.registry.messaging;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import kz.nobd.support.messaging.BackgroundWork;

/** DOWN when the outbox relay has not started a tick for a minute: changes would never reach the topic. */
@Liveness
@ApplicationScoped
public class RegistryLiveness implements AsyncHealthCheck {
    @Inject
    InstitutionOutboxRelay relay;

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.createFrom().item(() -> BackgroundWork.liveness(List.of(), List.of(relay.drain())));
    }
}
