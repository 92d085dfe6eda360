package kz.nobd.support;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientException;
import java.util.Optional;

/**
 * Whether a failure means a dependency (PostgreSQL, Kafka, Keycloak) is unavailable rather than a fault of the
 * request or of the code: then the client gets 503 with Retry-After, never 500. Looks through the whole cause chain,
 * so a connection failure wrapped by Hibernate, Agroal, a repository or a service class is still recognised.
 */
public final class Outages {
    /** What a client is told when the database is unavailable (also by {@link DatabaseGate}). */
    public static final String DATABASE_UNAVAILABLE = "the database is unavailable; nothing was changed, retry later";

    private Outages() {
    }

    /** A sentence for the client when {@code failure} is an outage, empty otherwise. */
    public static Optional<String> describe(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof DependencyUnavailableException d) {
                return Optional.of(d.getMessage());
            }
            if (databaseDown(t)) {
                return Optional.of(DATABASE_UNAVAILABLE);
            }
            if (kafkaDown(t)) {
                return Optional.of("the message broker (Kafka) is unavailable; nothing was accepted, retry later");
            }
            if (t instanceof ConnectException || t instanceof NoRouteToHostException
                    || t instanceof SocketTimeoutException) {
                return Optional.of("a service this one depends on is unreachable; nothing was changed, retry later");
            }
        }
        return Optional.empty();
    }

    /**
     * What to throw for a failed database call: 503 ({@link DependencyUnavailableException} with {@code detail}) when
     * the database is unavailable, else an unexpected failure (500, logged): a statement the database refuses is a
     * fault of the code or of a value that should have been checked, and saying "retry later" would be a lie.
     */
    public static RuntimeException fromDatabase(java.sql.SQLException e, String detail) {
        return describe(e).isPresent() ? new DependencyUnavailableException(detail, e)
                : new IllegalStateException("the database refused a statement: " + e.getMessage(), e);
    }

    /**
     * Whether {@code failure} says the database cannot be reached at all (SQL state class 08, connection exception,
     * or 57P, the server shutting down, crashed or starting), not merely busy or slow: then {@link DatabaseGate}
     * refuses the next requests at once.
     */
    public static boolean databaseUnreachable(Throwable failure) {
        String state = sqlState(failure);
        return state != null && (state.startsWith("08") || state.startsWith("57P"));
    }

    /**
     * Whether {@code failure} came out of database work: a JDBC, JPA or transaction failure somewhere in its cause
     * chain. A connection lost in the middle of a commit or a rollback can surface as a transaction exception that
     * carries no SQL state ({@link ProblemMapper} then asks the database probe).
     */
    public static boolean fromDatabaseWork(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String name = t.getClass().getName();
            if (t instanceof SQLException || t instanceof javax.transaction.xa.XAException
                    || name.startsWith("jakarta.persistence.") || name.startsWith("jakarta.transaction.")
                    || name.startsWith("org.hibernate.") || name.startsWith("io.quarkus.narayana.")
                    || name.startsWith("com.arjuna.")) {
                return true;
            }
        }
        return false;
    }

    /** The first SQL state in {@code failure}'s cause chain, or null. */
    static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static boolean databaseDown(Throwable t) {
        if (t instanceof SQLTransientException || t instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (!(t instanceof SQLException sql)) {
            return false;
        }
        String state = sql.getSQLState();
        String message = String.valueOf(sql.getMessage());
        // 08: connection exception; 57: operator intervention (57014: ended by the statement timeout, 57P01..57P03:
        // the server is shutting down, crashed or not yet accepting); 53: out of resources (53300: too many
        // connections); Agroal's own timeouts carry no state
        return state != null && (state.startsWith("08") || state.startsWith("57") || state.startsWith("53"))
                || state == null && message.toLowerCase(java.util.Locale.ROOT).contains("acquisition timeout");
    }

    /** Kafka client errors the client itself calls retriable (timeouts, no leader, disconnects). */
    private static boolean kafkaDown(Throwable t) {
        for (Class<?> c = t.getClass(); c != null; c = c.getSuperclass()) {
            if (c.getName().equals("org.apache.kafka.common.errors.RetriableException")) {
                return true;
            }
        }
        return false;
    }
}
