package kz.nobd.report.messaging;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

/** One database transaction on a plain JDBC connection: commit when {@code work} returns, roll back if it throws. */
final class Transactions {
    private Transactions() {
    }

    interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    static <T> T run(DataSource dataSource, Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
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
