package kz.nobd.report.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import kz.nobd.report.domain.Submission;

/**
 * Per school and kind, the last time ingest accepted a submission (from facts.submissions.v1), in table
 * submission_latest and in memory: "reported since d" is "last accepted on or after d".
 */
@ApplicationScoped
public class SubmissionStore {
    private final Map<String, Instant> latest = new ConcurrentHashMap<>();

    public void load(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT school_bin, kind, received_at FROM submission_latest");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                latest.put(key(rs.getString(1), Submission.Kind.valueOf(rs.getString(2))), rs.getTimestamp(3).toInstant());
            }
        }
    }

    public void store(Connection c, List<Submission> submissions) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO submission_latest (school_bin, kind, received_at)"
                + " VALUES (?, ?, ?) ON CONFLICT (school_bin, kind) DO UPDATE SET"
                + " received_at = greatest(submission_latest.received_at, excluded.received_at)")) {
            for (Submission s : submissions) {
                ps.setString(1, s.schoolBin());
                ps.setString(2, s.kind().name());
                ps.setTimestamp(3, Timestamp.from(s.receivedAt()));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public void remember(List<Submission> submissions) {
        for (Submission s : submissions) {
            latest.merge(key(s.schoolBin(), s.kind()), s.receivedAt(), (a, b) -> a.isAfter(b) ? a : b);
        }
    }

    /** When ingest last accepted a submission of {@code kind} from {@code bin}, or null. */
    public Instant lastAccepted(String bin, Submission.Kind kind) {
        return latest.get(key(bin, kind));
    }

    private static String key(String bin, Submission.Kind kind) {
        return bin + ':' + kind.name();
    }
}
