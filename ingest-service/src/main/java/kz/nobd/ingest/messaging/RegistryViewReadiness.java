package kz.nobd.ingest.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;

import kz.nobd.ingest.store.RegistryView;

/** Not ready until the registry view has caught up with the registry topic (from memory, on the event loop). */
@Readiness
@ApplicationScoped
public class RegistryViewReadiness implements AsyncHealthCheck {
    @Inject
    RegistryViewConsumer consumer;
    @Inject
    RegistryView view;

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.createFrom().item(this::response);
    }

    private HealthCheckResponse response() {
        return HealthCheckResponse.named("registry-view").status(consumer.caughtUp())
                .withData("institutions", view.size()).build();
    }
}
