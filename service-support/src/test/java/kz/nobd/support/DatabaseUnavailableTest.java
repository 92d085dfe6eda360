package kz.nobd.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** Which database failures the problem mapper answers with 503 and Retry-After rather than 500. */
class DatabaseUnavailableTest {
    @Test
    void connectionTimeoutAndPoolFailuresAreUnavailable() {
        assertThat(ProblemMapper.databaseUnavailable(new SQLException("Connection refused", "08001"))).isTrue();
        assertThat(ProblemMapper.databaseUnavailable(new SQLException("canceling statement due to statement timeout",
                "57014"))).isTrue();
        assertThat(ProblemMapper.databaseUnavailable(new SQLException("too many connections", "53300"))).isTrue();
        assertThat(ProblemMapper.databaseUnavailable(new SQLException("Sorry, acquisition timeout!"))).isTrue();
        assertThat(ProblemMapper.databaseUnavailable(new IllegalStateException("wrapped",
                new SQLException("the database system is shutting down", "57P03")))).isTrue();
    }

    @Test
    void otherFailuresAreNot() {
        assertThat(ProblemMapper.databaseUnavailable(new SQLException("syntax error", "42601"))).isFalse();
        assertThat(ProblemMapper.databaseUnavailable(new SQLException("duplicate key", "23505"))).isFalse();
        assertThat(ProblemMapper.databaseUnavailable(new IllegalStateException("a bug"))).isFalse();
    }
}
