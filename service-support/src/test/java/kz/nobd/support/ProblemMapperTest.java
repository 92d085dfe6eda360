package kz.nobd.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.sql.SQLException;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.junit.jupiter.api.Test;

/** A database that is down is a 503 with Retry-After, also when plain JDBC code meets it unwrapped (deploy/faults d). */
class ProblemMapperTest {
    private static final UriInfo URI = (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(),
            new Class<?>[] {UriInfo.class}, (proxy, method, args) -> "/api/v1/rejections"); // getPath() is all it asks
    private final ProblemMapper mapper = new ProblemMapper();
    private final CachedProbe database = new CachedProbe("database", () -> "answered", java.time.Duration.ofSeconds(10));

    {
        mapper.probes = DependencyProbes.withDatabase(database);
        database.run();
    }

    @Test
    void aRefusalCarriesItsMachineReadableReason() {
        Response response = mapper.api(new RefusedException(409, "Conflict", "PERIOD_LOCKED", "the period is LOCKED",
                java.util.List.of(new FieldError("bins[1]", "the return is DRAFT"))), URI);

        assertThat(response.getStatus()).isEqualTo(409);
        Problem problem = (Problem) response.getEntity();
        assertThat(problem.reason()).isEqualTo("PERIOD_LOCKED");
        assertThat(problem.errors()).extracting(FieldError::field).containsExactly("bins[1]");
        assertThat(((Problem) mapper.api(new NotFoundException("no such period"), URI).getEntity()).reason()).isNull();
    }

    @Test
    void refusedConnectionIsUnavailable() {
        Response response = mapper.other(new SQLException("Connection to 127.0.0.1:15432 refused", "08001"), URI);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
        assertThat(database.saidDown()).as("the gate closes for the next requests").isTrue();
    }

    @Test
    void databaseStartingUpOrShuttingDownIsUnavailableEvenWhenWrapped() {
        Response starting = mapper.other(new IllegalStateException("query failed",
                new SQLException("the database system is not yet accepting connections", "57P03")), URI);
        Response lost = mapper.other(new SQLException("An I/O error occurred while sending to the backend", "08006"), URI);

        assertThat(starting.getStatus()).isEqualTo(503);
        assertThat(lost.getStatus()).isEqualTo(503);
    }

    @Test
    void otherSqlFailuresStayInternalErrors() {
        Response response = mapper.other(new SQLException("division by zero", "22012"), URI);

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getHeaderString(HttpHeaders.RETRY_AFTER)).isNull();
        assertThat(database.saidDown()).isFalse();
    }

    @Test
    void aTransactionFailureWithoutSqlStateIsUnavailableWhenTheDatabaseDoesNotAnswerNow() {
        java.util.concurrent.atomic.AtomicBoolean reachable = new java.util.concurrent.atomic.AtomicBoolean(true);
        ProblemMapper switchable = new ProblemMapper();
        CachedProbe probe = new CachedProbe("database", () -> {
            if (!reachable.get()) {
                throw new SQLException("Connection to 127.0.0.1:15432 refused", "08001");
            }
            return "answered";
        }, java.time.Duration.ofSeconds(10));
        switchable.probes = DependencyProbes.withDatabase(probe);
        probe.run();
        Exception commitFailed = new IllegalStateException("commit failed",
                new jakarta.transaction.RollbackException("ARJUNA016053: Could not commit transaction."));

        Response whileUp = switchable.other(commitFailed, URI);
        reachable.set(false);
        Response whileDown = switchable.other(commitFailed, URI);

        assertThat(whileUp.getStatus()).as("the database answers: a fault of the code").isEqualTo(500);
        assertThat(whileDown.getStatus()).isEqualTo(503);
        assertThat(whileDown.getHeaderString(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(probe.saidDown()).isTrue();
    }

    @Test
    void aFailureOutsideDatabaseWorkDoesNotAskTheDatabase() {
        CachedProbe probe = new CachedProbe("database", () -> {
            throw new AssertionError("the probe must not run for a failure that is not database work");
        }, java.time.Duration.ofSeconds(10));
        ProblemMapper other = new ProblemMapper();
        other.probes = DependencyProbes.withDatabase(probe);

        assertThat(other.other(new IllegalArgumentException("a bug"), URI).getStatus()).isEqualTo(500);
    }
}
