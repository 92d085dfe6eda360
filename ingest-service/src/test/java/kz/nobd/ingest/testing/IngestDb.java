package kz.nobd.ingest.testing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.quarkus.arc.Arc;
import kz.nobd.contracts.Iin;
import kz.nobd.ingest.domain.Pseudonymizer;

/** Reads ingest's own tables the way an auditor would: plain SQL over the service's datasource. */
public final class IngestDb {
    private IngestDb() {
    }

    /** The student's pseudonym, the key of table student. */
    public static String studentId(String iin) {
        return Arc.container().instance(Pseudonymizer.class).get().pseudonym(Iin.parse(iin));
    }

    /** Every row of {@code sql} as column name -> value (dates and uuids as text). */
    public static List<Map<String, Object>> rows(String sql, Object... params) {
        try (Connection c = Arc.container().instance(DataSource.class).get().getConnection();
             PreparedStatement select = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                select.setObject(i + 1, params[i]);
            }
            List<Map<String, Object>> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= columns; i++) {
                        Object value = rs.getObject(i);
                        row.put(rs.getMetaData().getColumnLabel(i),
                                value == null || value instanceof Number || value instanceof byte[] ? value : value.toString());
                    }
                    rows.add(row);
                }
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }

    /** The single number {@code sql} selects. */
    public static long count(String sql, Object... params) {
        return ((Number) rows(sql, params).get(0).values().iterator().next()).longValue();
    }

    /** The student's spells in start order as "school grade language from..to" lines. */
    public static List<String> spells(String iin) {
        return rows("select s ->> 'schoolBin' as school_bin, s ->> 'grade' as grade, s ->> 'language' as language,"
                + " s ->> 'validFrom' as valid_from, s ->> 'validTo' as valid_to"
                + " from student, json_array_elements(spells) as s where student_id = ?"
                + " order by valid_from, valid_to nulls last", studentId(iin)).stream()
                .map(r -> r.get("school_bin") + " " + r.get("grade") + " " + r.get("language") + " "
                        + r.get("valid_from") + ".." + (r.get("valid_to") == null ? "" : r.get("valid_to")))
                .toList();
    }
}
