package kz.nobd.ingest.messaging;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;
import kz.nobd.support.messaging.BackgroundWork;
import kz.nobd.support.messaging.ConsumerLoop;
import kz.nobd.ingest.outbox.IngestOutboxRelay;

/**
 * DOWN when an input consumer or the registry view consumer thread has died, or the outbox relay has not started a
 * tick for a minute: events would wait unprocessed, or facts unpublished, while the service looks healthy.
 */
@Liveness
@ApplicationScoped
public class IngestLiveness implements AsyncHealthCheck {
    @Inject
    IngestConsumers consumers;
    @Inject
    RegistryViewConsumer registryView;
    @Inject
    IngestOutboxRelay relay;

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.createFrom().item(() -> {
            List<ConsumerLoop> loops = new ArrayList<>(consumers.loops());
            if (registryView.loop() != null) {
                loops.add(registryView.loop());
            }
            return BackgroundWork.liveness(loops, List.of(relay.drain()));
        });
    }
}
