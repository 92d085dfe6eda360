package kz.nobd.report.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.nobd.support.DependencyUnavailableException;
import kz.nobd.support.Paging;

/**
 * The audit of reads of school-level rows and of exports: who, role, jurisdiction, query, when. An entry is
 * written before the answer is sent; if it cannot be written, the answer is not sent (503). The commit does not
 * wait for the disk (synchronous_commit off for this transaction only): an entry is lost only if PostgreSQL
 * itself crashes within a fraction of a second of it.
 */
@ApplicationScoped
public class AuditLog {
    @Inject
    DataSource dataSource;

    public void record(Jurisdiction j, String endpoint, String query, String format, int rows) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement async = c.prepareStatement("SET LOCAL synchronous_commit = off");
                    PreparedStatement ps = c.prepareStatement("INSERT INTO audit_entry (username, role, jurisdiction, "
                            + "endpoint, query, format, rows) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                async.execute();
                insert(ps, j, endpoint, query, format, rows);
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DependencyUnavailableException("the audit could not be written; nothing was returned", e);
        }
    }

    private static void insert(PreparedStatement ps, Jurisdiction j, String endpoint, String query, String format,
            int rows) throws SQLException {
        ps.setString(1, j.user());
        ps.setString(2, j.role());
        ps.setString(3, j.describe());
        ps.setString(4, endpoint);
        ps.setString(5, query == null ? "" : query);
        ps.setString(6, format);
        ps.setInt(7, rows);
        ps.executeUpdate();
    }

    /** Entries since {@code since} (of {@code user} when not null), newest first, one page. */
    public Map<String, Object> list(Instant since, String user, Paging paging) {
        String where = " WHERE at >= ?" + (user == null ? "" : " AND username = ?");
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM audit_entry" + where)) {
                bind(ps, since, user);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Map<String, Object>> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, at, username, role, jurisdiction, endpoint, query, "
                    + "format, rows FROM audit_entry" + where + " ORDER BY id DESC LIMIT ? OFFSET ?")) {
                int next = bind(ps, since, user);
                ps.setInt(next, paging.size());
                ps.setLong(next + 1, (long) paging.page() * paging.size());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        Map<String, Object> item = new LinkedHashMap<>();
                        item.put("id", rs.getLong(1));
                        item.put("at", rs.getTimestamp(2).toInstant());
                        item.put("user", rs.getString(3));
                        item.put("role", rs.getString(4));
                        item.put("jurisdiction", rs.getString(5));
                        item.put("endpoint", rs.getString(6));
                        item.put("query", rs.getString(7));
                        item.put("format", rs.getString(8));
                        item.put("rows", rs.getInt(9));
                        items.add(item);
                    }
                }
            }
            Map<String, Object> page = new LinkedHashMap<>();
            page.put("items", items);
            page.put("page", paging.page());
            page.put("size", paging.size());
            page.put("total", total);
            return page;
        } catch (SQLException e) {
            throw new DependencyUnavailableException("the database did not answer; retry later", e);
        }
    }

    private static int bind(PreparedStatement ps, Instant since, String user) throws SQLException {
        ps.setTimestamp(1, Timestamp.from(since));
        if (user != null) {
            ps.setString(2, user);
            return 3;
        }
        return 2;
    }
}
