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
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.nobd.support.DependencyUnavailableException;
import kz.nobd.support.Outages;
import kz.nobd.support.Paging;

/**
 * The audit of reads of school-level rows and of exports: who, role, jurisdiction, query, when. An entry is
 * committed before the answer is sent; if it cannot be written, the answer is not sent (503). One writer thread
 * commits the entries of all waiting requests together (group commit), and the commit does not wait for the disk
 * (synchronous_commit off for that transaction only): an entry is lost only if PostgreSQL itself crashes within a
 * fraction of a second of it. The table is shared by every replica (schema public, not the replica's own).
 */
@ApplicationScoped
public class AuditLog {
    @Inject
    DataSource dataSource;

    /** One entry to write and the request waiting for it. */
    private record Pending(Jurisdiction j, String endpoint, String query, String format, int rows,
            CompletableFuture<Void> written) {
    }

    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private final Thread writer = new Thread(this::writeLoop, "report-audit-writer");

    @PostConstruct
    void start() {
        writer.setDaemon(true);
        writer.start();
    }

    @PreDestroy
    void stop() {
        writer.interrupt();
    }

    /**
     * Records one read and returns once the entry is committed (group commit: the entries of concurrent requests
     * go to the database in one statement and one transaction).
     */
    public void record(Jurisdiction j, String endpoint, String query, String format, int rows) {
        Pending pending = new Pending(j, endpoint, query == null ? "" : query, format, rows, new CompletableFuture<>());
        queue.add(pending);
        try {
            pending.written().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new DependencyUnavailableException("the audit could not be written; nothing was returned", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DependencyUnavailableException("interrupted while writing the audit; nothing was returned", e);
        }
    }

    private void writeLoop() {
        List<Pending> batch = new ArrayList<>();
        while (!Thread.currentThread().isInterrupted()) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, 999);
            try {
                write(batch);
                batch.forEach(p -> p.written().complete(null));
            } catch (SQLException | RuntimeException e) {
                batch.forEach(p -> p.written().completeExceptionally(e));
            }
            batch.clear();
        }
    }

    private void write(List<Pending> batch) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement async = c.prepareStatement("SET LOCAL synchronous_commit = off");
                    PreparedStatement ps = c.prepareStatement("INSERT INTO public.audit_entry (username, role, "
                            + "jurisdiction, endpoint, query, format, rows) SELECT * FROM unnest(?::text[], ?::text[], "
                            + "?::text[], ?::text[], ?::text[], ?::text[], ?::int4[])")) {
                async.execute();
                ps.setArray(1, c.createArrayOf("text", batch.stream().map(p -> p.j().user()).toArray()));
                ps.setArray(2, c.createArrayOf("text", batch.stream().map(p -> p.j().role()).toArray()));
                ps.setArray(3, c.createArrayOf("text", batch.stream().map(p -> p.j().describe()).toArray()));
                ps.setArray(4, c.createArrayOf("text", batch.stream().map(Pending::endpoint).toArray()));
                ps.setArray(5, c.createArrayOf("text", batch.stream().map(Pending::query).toArray()));
                ps.setArray(6, c.createArrayOf("text", batch.stream().map(Pending::format).toArray()));
                ps.setArray(7, c.createArrayOf("int4", batch.stream().map(Pending::rows).toArray()));
                ps.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        }
    }

    /** Entries since {@code since} (of {@code user} when not null), newest first, one page. */
    public Map<String, Object> list(Instant since, String user, Paging paging) {
        String where = " WHERE at >= ?" + (user == null ? "" : " AND username = ?");
        try (Connection c = dataSource.getConnection()) {
            long total;
            try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM public.audit_entry" + where)) {
                bind(ps, since, user);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    total = rs.getLong(1);
                }
            }
            List<Map<String, Object>> items = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, at, username, role, jurisdiction, endpoint, "
                    + "query, format, rows FROM public.audit_entry" + where + " ORDER BY id DESC LIMIT ? OFFSET ?")) {
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
            throw Outages.fromDatabase(e, "the database did not answer; retry later");
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
