package kz.nobd.report.messaging;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/** One database transaction on a plain JDBC connection: commit when {@code work} returns, roll back if it throws. */
public final class Transactions {
    private Transactions() {
    }

    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    /** Commits the transaction, and may do more while doing so (under a lock, say). */
    public interface Committer<T> {
        void commit(Connection c, T result) throws SQLException;
    }

    public static <T> T run(DataSource dataSource, Work<T> work) {
        return run(dataSource, work, (c, result) -> c.commit());
    }

    public static <T> T run(DataSource dataSource, Work<T> work, Committer<T> committer) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                committer.commit(c, result);
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("database transaction failed: " + e.getMessage(), e);
        }
    }
}
