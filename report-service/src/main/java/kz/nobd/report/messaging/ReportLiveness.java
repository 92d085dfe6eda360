package kz.nobd.report.messaging;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import kz.nobd.support.messaging.BackgroundWork;

/** DOWN when the registry or the fact consumer thread has died: the service would serve counts that stand still. */
@Liveness
@ApplicationScoped
public class ReportLiveness implements AsyncHealthCheck {
    @Inject
    RegistryConsumer registry;
    @Inject
    FactConsumer facts;

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.createFrom().item(() -> BackgroundWork.liveness(
                Stream.of(registry.loop(), facts.loop()).filter(Objects::nonNull).toList(), List.of()));
    }
}
