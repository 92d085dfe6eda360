package kz.nobd.ingest.pipeline;

import static kz.nobd.testing.Problems.assertProblem;
import static kz.nobd.testing.Tokens.MINISTRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.io.IOException;
import java.net.ServerSocket;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import io.quarkus.arc.Arc;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import kz.nobd.ingest.testing.Events;
import kz.nobd.ingest.testing.Submissions;
import kz.nobd.support.DependencyProbes;
import kz.nobd.testing.Callers;
import kz.nobd.testing.Ids;

/**
 * PostgreSQL unreachable: every endpoint answers 503 problem+json with Retry-After, never 500. The service's data
 * source is replaced, for this test only, by a real Agroal pool with the real driver pointed at a port where nothing
 * listens (the shared test database must stay up for the other tests), so the failure is the driver's own. The
 * first refused connection closes service-support's DatabaseGate, so the later requests are refused without trying.
 */
@QuarkusTest
class DatabaseDownTest {
    @Test
    void submissionsAndListsAre503WithRetryAfter() throws Exception {
        try (AgroalDataSource down = poolAtClosedPort()) {
            QuarkusMock.installMockForType(down, AgroalDataSource.class);
            var batch = List.of(Events.enrolled(Ids.boy(), Ids.bin(), 1, "2025-10-01"));

            assertProblem(Submissions.postEvents(MINISTRY, batch), 503).header("Retry-After", equalTo("5"))
                    .body("detail", containsString("database"));
            assertProblem(Callers.as(MINISTRY).get("/api/v1/rejections"), 503).header("Retry-After", equalTo("5"));
            assertProblem(Submissions.batch(MINISTRY, java.util.UUID.randomUUID().toString()), 503)
                    .header("Retry-After", equalTo("5"));
        }
    }

    /** After the test's pool is gone (mocks end after each test): the next probe would reopen the gate within 2 s. */
    @AfterAll
    static void databaseReachableAgain() {
        DependencyProbes probes = Arc.container().instance(DependencyProbes.class).get();
        probes.database().run();
        assertThat(probes.database().saidDown()).as("the real database answers the probe again").isFalse();
    }

    private static AgroalDataSource poolAtClosedPort() throws IOException, SQLException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + closed + "/ingest";
        return AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier().connectionPoolConfiguration(pool -> pool
                .maxSize(2).acquisitionTimeout(Duration.ofSeconds(2)).connectionFactoryConfiguration(factory -> factory
                        .jdbcUrl(url).principal(new NamePrincipal("nobd")).credential(new SimplePassword("nobd")))));
    }
}
