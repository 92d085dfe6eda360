package kz.nobd.registry.api;

import static kz.nobd.testing.Callers.NO_TOKEN;
import static kz.nobd.testing.Callers.as;
import static kz.nobd.testing.Tokens.MINISTRY;
import static kz.nobd.testing.Tokens.SCHOOL_AKMOLA_BIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import kz.nobd.registry.testing.Institutions;
import kz.nobd.support.DependencyProbes;

/**
 * While the database is known to be unreachable (deploy/faults d), every endpoint that needs it answers 503
 * problem+json with Retry-After at once, instead of each request waiting 1-2 s for the pool's connection attempts;
 * the next probe that reaches the database opens the gate again. The database is declared unreachable here the way
 * a failed request declares it (the probe is marked down), since the test instance's PostgreSQL is shared.
 */
@QuarkusTest
@TestProfile(DatabaseGateTest.ProbeOnlyWhenAsked.class)
class DatabaseGateTest {
    /**
     * The background probe runs once at start-up and then only when the test calls it: every 2 s it could reach the
     * (shared, running) database between the test's "down" and its requests and reopen the gate.
     */
    public static class ProbeOnlyWhenAsked implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("nobd.health.probe-interval", "1h", "nobd.health.stale-after", "1h");
        }
    }

    @Inject
    DependencyProbes probes;

    @AfterEach
    void probeAgain() {
        probes.database().run();
    }

    @Test
    void databaseEndpointsAnswer503AtOnceWhileTheDatabaseIsKnownDownAndServeAgainAfterTheNextProbe() {
        Institutions.ensureDemoSchools();
        probes.database().markDown("PSQLException: Connection to 127.0.0.1:25432 refused");

        for (String path : new String[] {"/api/v1/institutions/" + SCHOOL_AKMOLA_BIN, "/api/v1/institutions",
                "/api/v1/territories?level=OBLAST"}) {
            as(MINISTRY).get(path).then().statusCode(503).contentType(containsString("application/problem+json"))
                    .header("Retry-After", equalTo("5"))
                    .body("detail", equalTo("the database is unavailable; nothing was changed, retry later"));
        }
        as(NO_TOKEN).get("/api/v1/institutions").then().statusCode(401);
        as(MINISTRY).get("/q/health/ready").then().statusCode(503).body("status", equalTo("DOWN"));
        as(MINISTRY).get("/q/health/live").then().statusCode(200);

        probes.database().run();

        String body = as(MINISTRY).get("/api/v1/institutions/" + SCHOOL_AKMOLA_BIN).then().statusCode(200).extract()
                .asString();
        assertThat(body).contains(SCHOOL_AKMOLA_BIN);
    }
}
