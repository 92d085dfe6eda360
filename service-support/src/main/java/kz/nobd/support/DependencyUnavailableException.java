package kz.nobd.support;

import java.util.List;

/** 503 with Retry-After: a dependency (database, Kafka, Keycloak) is down and nothing was done. */
public class DependencyUnavailableException extends ApiException {
    public DependencyUnavailableException(String detail, Throwable cause) {
        super(503, "Service unavailable", detail, List.of());
        initCause(cause);
    }
}
