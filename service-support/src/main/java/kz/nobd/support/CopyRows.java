package kz.nobd.support;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HexFormat;

import org.postgresql.PGConnection;

/**
 * Rows for PostgreSQL's {@code COPY ... FROM STDIN} in text format, sent through the driver's CopyManager in the
 * caller's transaction: the cheapest way to insert the thousands of rows of one polled batch or import chunk (a
 * multi-row INSERT costs the server several times more per row). Values are written as text ({@code toString()}:
 * ISO dates and instants); null is {@code \N}; the rows are inserted in the order they were added, so a column
 * drawn from a sequence follows it.
 */
public final class CopyRows {
    private final String copy;
    private final StringBuilder rows = new StringBuilder(64 * 1024);
    private boolean lineStarted;
    private int count;

    /** @param table the table and its columns, e.g. {@code spell (spell_id, school_bin)} */
    public CopyRows(String table) {
        this.copy = "copy " + table + " from stdin";
    }

    public CopyRows add(Object value) {
        if (lineStarted) {
            rows.append('\t');
        }
        lineStarted = true;
        if (value == null) {
            rows.append("\\N");
        } else if (value instanceof byte[] bytes) {
            rows.append("\\\\x").append(HexFormat.of().formatHex(bytes));
        } else {
            escape(value.toString());
        }
        return this;
    }

    public void endRow() {
        rows.append('\n');
        lineStarted = false;
        count++;
    }

    public int size() {
        return count;
    }

    public void copyInto(Connection c) throws SQLException {
        if (count == 0) {
            return;
        }
        try {
            c.unwrap(PGConnection.class).getCopyAPI().copyIn(copy, new StringReader(rows.toString()));
        } catch (IOException e) {
            throw new SQLException("could not stream rows to " + copy, "08006", e);
        }
    }

    /** The rows as they are sent. */
    String text() {
        return rows.toString();
    }

    private void escape(String text) {
        if (!needsEscape(text)) {
            rows.append(text); // ids, dates, codes and JSON: nearly always
            return;
        }
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            switch (ch) {
                case '\\' -> rows.append("\\\\");
                case '\t' -> rows.append("\\t");
                case '\n' -> rows.append("\\n");
                case '\r' -> rows.append("\\r");
                default -> rows.append(ch);
            }
        }
    }

    private static boolean needsEscape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char ch = text.charAt(i);
            if (ch == '\\' || ch == '\t' || ch == '\n' || ch == '\r') {
                return true;
            }
        }
        return false;
    }
}
