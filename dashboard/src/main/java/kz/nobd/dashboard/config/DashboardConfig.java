package kz.nobd.dashboard.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The dashboard's own settings (docs/configuration.md); the APIs' addresses are the REST clients' (quarkus.rest-client.*). */
@ConfigMapping(prefix = "nobd.dashboard")
public interface DashboardConfig {

    /** encrypts the tokens in the session cookie (NOBD_DASHBOARD_SESSION_SECRET; no default) */
    String sessionSecret();

    /** encrypts the PKCE verifier in the state cookie while the user signs in (NOBD_DASHBOARD_STATE_SECRET; no default) */
    String stateSecret();

    /** how many past months the trend shows (a point on the 1st of each, and today) */
    @WithDefault("24")
    int trendMonths();

    /** how many cards of past dates the trend asks report-service for at once (its heavy-query turns are 2) */
    @WithDefault("2")
    int trendConcurrency();

    /** schools listed by name in the completeness section (all of them are in its CSV) */
    @WithDefault("100")
    int completenessListed();
}
