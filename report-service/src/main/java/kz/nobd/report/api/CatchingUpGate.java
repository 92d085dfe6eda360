package kz.nobd.report.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

import kz.nobd.report.messaging.ViewsCaughtUp;
import kz.nobd.support.ServiceBusyException;

/**
 * Until this replica has caught up (the same condition as readiness), every API request is answered 503 with
 * Retry-After instead of figures that would lag behind published data: a client that reaches a starting replica
 * directly (not through a load balancer that waits for readiness) retries, or asks another replica.
 */
@Provider
public class CatchingUpGate implements ContainerRequestFilter {
    @Inject
    ViewsCaughtUp views;

    @Override
    public void filter(ContainerRequestContext request) {
        if (!views.all()) {
            throw new ServiceBusyException(String.format("this report-service replica is still catching up with "
                    + "published data (registry %s, facts %s, students of today %s); its figures would lag behind, "
                    + "retry shortly or ask another replica", done(views.registry()), done(views.facts()),
                    views.studentsLoaded() ? "loaded" : "loading"));
        }
    }

    private static String done(boolean caughtUp) {
        return caughtUp ? "caught up" : "catching up";
    }
}
