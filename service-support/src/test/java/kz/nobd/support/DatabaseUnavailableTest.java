package kz.nobd.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** Which database failures {@link Outages} calls an outage (503 and Retry-After) rather than a fault (500). */
class DatabaseUnavailableTest {
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
}
