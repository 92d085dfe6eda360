package kz.nobd.ingest.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.ObjectMapper;

import kz.nobd.support.Caller;
import kz.nobd.support.NotFoundException;

/**
 * Reads for submitters: a batch's outcome, rejected items, open conflicts; always narrowed to the caller's
 * jurisdiction in SQL (oblast: schools whose registry card is in its oblast; school: its own BIN).
 */
@ApplicationScoped
public class IngestQueries {
    @Inject
    DataSource dataSource;
    @Inject
    Caller caller;
    @Inject
    ObjectMapper mapper;

    public record Rejection(UUID eventId, Integer index, UUID batchId, String kind, String schoolBin, String reason,
            String detail, Instant rejectedAt, Map<String, Object> event) {
    }

    public record BatchStatus(UUID batchId, String kind, int received, long accepted, long rejected, long pending,
            List<Rejection> rejections) {
    }

    /** One page of a list and the number of items in the whole list. */
    public record Page<T>(List<T> items, long total) {
    }

    public record Conflict(String schoolBin, UUID originalEventId, int grade, String otherSchoolBin,
            java.time.LocalDate date, String iin) {
    }

    /** A read for a caller is ended by the database after this long (503): a runaway query must not hold a connection. */
    static final int QUERY_TIMEOUT_SECONDS = 10;

    private static PreparedStatement prepare(Connection c, String sql) throws SQLException {
        PreparedStatement statement = c.prepareStatement(sql);
        statement.setQueryTimeout(QUERY_TIMEOUT_SECONDS);
        return statement;
    }

    public BatchStatus batch(UUID batchId) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            String kind;
            int received;
            try (PreparedStatement select = prepare(c, "select kind, received, submitted_by, school_bin from submission_batch"
                    + " where batch_id = ?")) {
                select.setObject(1, batchId);
                try (ResultSet rs = select.executeQuery()) {
                    if (!rs.next() || !mayRead(rs.getString(3), rs.getString(4))) {
                        throw new NotFoundException("no batch " + batchId + " submitted by you or your school");
                    }
                    kind = rs.getString(1);
                    received = rs.getInt(2);
                }
            }
            long accepted = 0;
            try (PreparedStatement count = prepare(c, "select count(distinct batch_index) from event_outcome"
                    + " where batch_id = ? and outcome in ('ACCEPTED', 'DUPLICATE')")) {
                count.setObject(1, batchId);
                try (ResultSet rs = count.executeQuery()) {
                    rs.next();
                    accepted = rs.getLong(1);
                }
            }
            List<Rejection> rejections = rejections(c, " and batch_id = ?", List.of(batchId), 5000, 0);
            long rejected = rejections.stream().map(Rejection::index).distinct().count();
            return new BatchStatus(batchId, kind, received, accepted, rejected,
                    Math.max(0, received - accepted - rejected), rejections);
        }
    }

    /** Rejections in the caller's jurisdiction, newest first. */
    public Page<Rejection> rejections(String schoolBin, Instant since, int page, int size) throws SQLException {
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        scope(where, params, schoolBin);
        if (since != null) {
            where.append(" and decided_at >= ?");
            params.add(Timestamp.from(since));
        }
        try (Connection c = dataSource.getConnection()) {
            long total = count(c, "select count(*) from event_outcome where outcome = 'REJECTED'" + where, params);
            return new Page<>(rejections(c, where.toString(), params, size, (long) page * size), total);
        }
    }

    /** Unsettled conflicts in the caller's jurisdiction, oldest first. */
    public Page<Conflict> conflicts(String schoolBin, int page, int size) throws SQLException {
        StringBuilder where = new StringBuilder();
        List<Object> params = new ArrayList<>();
        scope(where, params, schoolBin);
        String conditions = " where k.settled_by is null" + where.toString().replace("school_bin", "k.school_bin");
        List<Conflict> conflicts = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            long total = count(c, "select count(*) from enrolment_conflict k" + conditions, params);
            try (PreparedStatement select = prepare(c, "select k.school_bin, k.original_event_id, k.grade,"
                    + " k.other_school_bin, k.conflict_date, s.iin_last4 from enrolment_conflict k"
                    + " join student s on s.student_id = k.student_id" + conditions
                    + " order by k.conflict_date, k.school_bin, k.conflict_id limit " + size + " offset " + (long) page * size)) {
                bind(select, params);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        conflicts.add(new Conflict(rs.getString(1), rs.getObject(2, UUID.class), rs.getInt(3),
                                rs.getString(4), rs.getDate(5).toLocalDate(),
                                rs.getString(6) == null ? "************" : "********" + rs.getString(6)));
                    }
                }
            }
            return new Page<>(conflicts, total);
        }
    }

    private static long count(Connection c, String sql, List<Object> params) throws SQLException {
        try (PreparedStatement select = prepare(c, sql)) {
            bind(select, params);
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The ministry reads every batch; a school user the batches of its school (any of its accounts). */
    private boolean mayRead(String submittedBy, String schoolBin) {
        if (caller.role().equals(Caller.MINISTRY) || submittedBy.equals(caller.name())) {
            return true;
        }
        return caller.role().equals(Caller.SCHOOL) && caller.orgBin().equals(schoolBin);
    }

    /** Oblast: schools whose newest registry card is in its oblast; school: itself; ministry: everything. */
    /** The caller's jurisdiction, and {@code schoolBin} when the caller narrowed the list to one school. */
    private void scope(StringBuilder where, List<Object> params, String schoolBin) {
        if (schoolBin != null) {
            where.append(" and school_bin = ?");
            params.add(schoolBin);
        }
        switch (caller.role()) {
            case Caller.OBLAST -> {
                // the newest card decides: a school the ministry moved to another oblast belongs to that one only
                where.append(" and school_bin in (select r.bin from registry_card r where r.oblast_kato = ?"
                        + " and r.version = (select max(v.version) from registry_card v where v.bin = r.bin))");
                params.add(caller.oblastPrefix() + "0000000");
            }
            case Caller.SCHOOL -> {
                where.append(" and school_bin = ?");
                params.add(caller.orgBin());
            }
            default -> { }
        }
    }

    @SuppressWarnings("unchecked")
    private List<Rejection> rejections(Connection c, String where, List<Object> params, int limit, long offset)
            throws SQLException {
        List<Rejection> rejections = new ArrayList<>();
        try (PreparedStatement select = prepare(c, "select event_id, batch_index, batch_id, kind, school_bin,"
                + " reason, detail, decided_at, event from event_outcome where outcome = 'REJECTED'" + where
                + " order by decided_at desc, topic, partition_no, record_offset limit " + limit + " offset " + offset)) {
            bind(select, params);
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) {
                    String event = rs.getString(9);
                    rejections.add(new Rejection(rs.getObject(1, UUID.class), (Integer) rs.getObject(2),
                            rs.getObject(3, UUID.class), rs.getString(4), rs.getString(5), rs.getString(6),
                            rs.getString(7), rs.getTimestamp(8).toInstant(),
                            event == null ? null : readMap(event)));
                }
            }
        }
        return rejections;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> readMap(String json) {
        try {
            return mapper.readValue(json, Map.class);
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static void bind(PreparedStatement statement, List<Object> params) throws SQLException {
        for (int i = 0; i < params.size(); i++) {
            statement.setObject(i + 1, params.get(i));
        }
    }
}
