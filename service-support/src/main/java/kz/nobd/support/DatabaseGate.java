package kz.nobd.support;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Answers requests to {@link UsesDatabase} resources with 503 + Retry-After at once while the database is known to
 * be unreachable: the background probe said so last, or a request failed to connect since ({@link
 * ProblemMapper} reports it). Without it every such request would wait for the pool's own connection attempts
 * (Agroal tries twice, a second apart) and answer only after 1-2 s. The gate opens again with the next probe that
 * reaches the database ({@code nobd.health.probe-interval}); before the first probe it is open.
 */
@Provider
@UsesDatabase
public class DatabaseGate implements ContainerRequestFilter {
    @Inject
    DependencyProbes probes;

    @Override
    public void filter(ContainerRequestContext request) {
        if (probes.database().saidDown()) {
            throw new DependencyUnavailableException(Outages.DATABASE_UNAVAILABLE, null);
        }
    }
}
