package kz.nobd.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

/** A database that is down is a 503 with Retry-After, also when plain JDBC code meets it unwrapped (deploy/faults d). */
class ProblemMapperTest {
    private final ProblemMapper mapper = new ProblemMapper();

    @Test
    void refusedConnectionIsUnavailable() {
        Response response = mapper.other(new SQLException("Connection to 127.0.0.1:15432 refused", "08001"), null);

        assertThat(response.getStatus()).isEqualTo(503);
        assertThat(response.getHeaderString(HttpHeaders.RETRY_AFTER)).isEqualTo("5");
        assertThat(response.getMediaType().toString()).isEqualTo(Problem.MEDIA_TYPE);
    }

    @Test
    void databaseStartingUpOrShuttingDownIsUnavailableEvenWhenWrapped() {
        Response starting = mapper.other(new IllegalStateException("query failed",
                new SQLException("the database system is not yet accepting connections", "57P03")), null);
        Response lost = mapper.other(new SQLException("An I/O error occurred while sending to the backend", "08006"), null);

        assertThat(starting.getStatus()).isEqualTo(503);
        assertThat(lost.getStatus()).isEqualTo(503);
    }

    @Test
    void otherSqlFailuresStayInternalErrors() {
        Response response = mapper.other(new SQLException("division by zero", "22012"), null);

        assertThat(response.getStatus()).isEqualTo(500);
        assertThat(response.getHeaderString(HttpHeaders.RETRY_AFTER)).isNull();
    }
}
