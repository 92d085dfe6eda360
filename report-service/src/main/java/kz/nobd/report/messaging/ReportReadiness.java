package kz.nobd.report.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.smallrye.health.api.AsyncHealthCheck;
import io.smallrye.mutiny.Uni;

import kz.nobd.report.config.ReportConfig;
import kz.nobd.report.service.EnrolmentCube;
import kz.nobd.report.service.SchoolDirectory;

/**
 * Not ready until the registry topic and the fact topics have been read up to where they ended when the service
 * started, and the students of today are in memory: before that, answers would lag behind published data. Read from
 * memory on the event loop: never queued behind report computations in the worker pool. The API refuses requests
 * on the same condition ({@code CatchingUpGate}).
 */
@Readiness
@ApplicationScoped
public class ReportReadiness implements AsyncHealthCheck {
    @Inject
    ViewsCaughtUp views;
    @Inject
    SchoolDirectory directory;
    @Inject
    EnrolmentCube cube;
    @Inject
    ReportConfig config;

    @Override
    public Uni<HealthCheckResponse> call() {
        return Uni.createFrom().item(this::response);
    }

    private HealthCheckResponse response() {
        return HealthCheckResponse.named("report-views").status(views.all())
                .withData("registryCaughtUp", views.registry()).withData("factsCaughtUp", views.facts())
                .withData("replica", config.replica()).withData("institutions", directory.size())
                .withData("studentsOf", String.valueOf(cube.date())).build();
    }
}
