package kz.nobd.support;

import java.sql.Array;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.function.Function;

/**
 * One column of a batch of rows as a SQL array, for a set-based statement ({@code INSERT ... SELECT FROM
 * unnest(?::text[], ...)}): one statement for the batch instead of one per row.
 */
public final class SqlArrays {
    private SqlArrays() {
    }

    /** {@code field} of every row, in order, as an array of the database type {@code type} (e.g. "text", "int8"). */
    public static <T> Array column(Connection c, String type, List<T> rows, Function<? super T, ?> field)
            throws SQLException {
        Object[] values = new Object[rows.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = field.apply(rows.get(i));
        }
        return c.createArrayOf(type, values);
    }
}
