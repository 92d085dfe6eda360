package kz.nobd.report.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import kz.nobd.report.config.ReportConfig;
import kz.nobd.report.service.EnrolmentCube;
import kz.nobd.report.service.SchoolDirectory;

/**
 * Not ready until the registry topic and the fact topics have been read up to where they ended when the service
 * started, and the students of today are in memory: before that, answers would lag behind published data.
 */
@Readiness
@ApplicationScoped
public class ReportReadiness implements HealthCheck {
    @Inject
    RegistryConsumer registry;
    @Inject
    FactConsumer facts;
    @Inject
    SchoolDirectory directory;
    @Inject
    EnrolmentCube cube;
    @Inject
    ReportConfig config;

    @Override
    public HealthCheckResponse call() {
        boolean registryDone = registry.catchUp().caughtUp();
        boolean factsDone = facts.catchUp().caughtUp();
        return HealthCheckResponse.named("report-views").status(registryDone && factsDone && cube.date() != null)
                .withData("registryCaughtUp", registryDone).withData("factsCaughtUp", factsDone)
                .withData("replica", config.replica()).withData("institutions", directory.size())
                .withData("studentsOf", String.valueOf(cube.date())).build();
    }
}
