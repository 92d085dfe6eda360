package kz.nobd.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.ExecutionException;

import jakarta.persistence.PersistenceException;

import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;

/** Which real failures are a dependency outage (503 with Retry-After) and which are not (500). */
class OutagesTest {
    @Test
    void theDriversOwnFailureOnAClosedPortIsAnOutage() throws IOException {
        int closedPort;
        try (var socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SQLException refused = null;
        try (var ignored = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + closedPort + "/registry",
                "nobd", "nobd")) {
            // not reached: nothing listens on the port
        } catch (SQLException e) {
            refused = e;
        }

        assertThat((Throwable) refused).isInstanceOf(PSQLException.class);
        assertThat(Outages.describe(refused)).hasValueSatisfying(d -> assertThat(d).contains("database"));
        // as a repository or Hibernate hands it on
        assertThat(Outages.describe(new IllegalStateException(refused.getMessage(), refused))).isPresent();
        assertThat(Outages.describe(new PersistenceException("could not open", refused))).isPresent();
    }

    @Test
    void poolAcquisitionTimeoutIsAnOutage() {
        // what Agroal throws when no connection could be had in acquisition-timeout
        SQLException timeout = new SQLException("Acquisition timeout while waiting for new connection",
                new ExecutionException(new ConnectException("Connection refused")));

        assertThat(Outages.describe(new PersistenceException(timeout))).isPresent();
    }

    @Test
    void serverShuttingDownIsAnOutage() {
        assertThat(Outages.describe(new SQLException("terminating connection due to administrator command", "57P01")))
                .isPresent();
        assertThat(Outages.describe(new PSQLException("An I/O error occurred while sending to the backend.",
                PSQLState.CONNECTION_FAILURE))).isPresent();
        assertThat(Outages.describe(new SQLException("the database system is starting up", "57P03"))).isPresent();
        assertThat(Outages.describe(new SQLException("sorry, too many clients already", "53300"))).isPresent();
    }

    @Test
    void kafkaTimeoutIsAnOutage() {
        var timeout = new org.apache.kafka.common.errors.TimeoutException("Topic not present in metadata after 5000 ms");

        assertThat(Outages.describe(new RuntimeException(new ExecutionException(timeout))))
                .hasValueSatisfying(d -> assertThat(d).contains("Kafka"));
    }

    @Test
    void faultsOfTheRequestOrTheCodeAreNotOutages() {
        assertThat(Outages.describe(new PSQLException("invalid byte sequence for encoding \"UTF8\": 0x00",
                PSQLState.DATA_ERROR))).isEmpty();
        assertThat(Outages.describe(new SQLException("duplicate key value violates unique constraint", "23505"))).isEmpty();
        assertThat(Outages.describe(new SQLException("no state at all"))).isEmpty();
        assertThat(Outages.describe(new NullPointerException())).isEmpty();
        assertThat(Outages.describe(new org.apache.kafka.common.errors.RecordTooLargeException("too large"))).isEmpty();
    }

    @Test
    void connectionTimeoutAndPoolFailuresAreUnavailable() {
        assertThat(unavailable(new SQLException("Connection refused", "08001"))).isTrue();
        assertThat(unavailable(new SQLException("canceling statement due to statement timeout",
                "57014"))).isTrue();
        assertThat(unavailable(new SQLException("too many connections", "53300"))).isTrue();
        assertThat(unavailable(new SQLException("Sorry, acquisition timeout!"))).isTrue();
        assertThat(unavailable(new IllegalStateException("wrapped",
                new SQLException("the database system is shutting down", "57P03")))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(unavailable(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(unavailable(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(unavailable(new IllegalStateException("a bug"))).isFalse();
    }

    private static boolean unavailable(Throwable failure) {
        return Outages.describe(failure).isPresent();
    }

    @Test
    void onlyAnUnreachableDatabaseClosesTheGate() {
        assertThat(Outages.databaseUnreachable(new PersistenceException("could not prepare",
                new SQLException("Connection to 127.0.0.1:15432 refused", "08001")))).isTrue();
        assertThat(Outages.databaseUnreachable(new SQLException("the database system is starting up", "57P03")))
                .isTrue();
        // busy or slow, not unreachable: the next request may well succeed
        assertThat(Outages.databaseUnreachable(new SQLException("canceling statement due to statement timeout",
                "57014"))).isFalse();
        assertThat(Outages.databaseUnreachable(new SQLException("Acquisition timeout while waiting for new connection")))
                .isFalse();
        assertThat(Outages.databaseUnreachable(new SQLException("sorry, too many clients already", "53300"))).isFalse();
    }
}
