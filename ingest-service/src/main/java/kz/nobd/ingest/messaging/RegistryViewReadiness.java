package kz.nobd.ingest.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import kz.nobd.ingest.service.RegistryView;

/** Not ready until the registry view has caught up with the registry topic. */
@Readiness
@ApplicationScoped
public class RegistryViewReadiness implements HealthCheck {
    @Inject
    RegistryViewConsumer consumer;
    @Inject
    RegistryView view;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("registry-view").status(consumer.caughtUp())
                .withData("institutions", view.size()).build();
    }
}
