package kz.nobd.dashboard.config;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.quarkus.runtime.Startup;

/**
 * Refuses to start without the two cookie secrets, or with one shorter than {@value #MIN_LENGTH} characters: Quarkus
 * OIDC would otherwise make random keys (every restart or replica logging everybody out) or fail at the first
 * sign-in. A missing variable is named by the configuration error; a short one here.
 */
@Startup
@Singleton
public class CookieSecrets {
    static final int MIN_LENGTH = 32;

    @Inject
    public CookieSecrets(DashboardConfig config) {
        check("NOBD_DASHBOARD_SESSION_SECRET", config.sessionSecret());
        check("NOBD_DASHBOARD_STATE_SECRET", config.stateSecret());
    }

    static void check(String variable, String secret) {
        if (secret.length() < MIN_LENGTH) {
            throw new IllegalStateException(variable + " must be at least " + MIN_LENGTH + " characters long, was "
                    + secret.length());
        }
    }
}
