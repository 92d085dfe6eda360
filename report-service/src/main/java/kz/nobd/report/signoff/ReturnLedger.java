package kz.nobd.report.signoff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import kz.nobd.contracts.events.ReturnStatus;
import kz.nobd.contracts.events.ReturnStatusChange;
import kz.nobd.contracts.events.TopicCodec;
import kz.nobd.report.signoff.ReturnRecords.Actor;
import kz.nobd.report.signoff.ReturnRecords.Change;
import kz.nobd.report.signoff.ReturnRecords.Row;
import kz.nobd.report.signoff.ReturnRecords.Signature;

/**
 * The returns' rows in schema signoff: a change of status updates the return's row, adds a row to its history and
 * a message to the outbox, in the caller's transaction; nothing is ever deleted or overwritten but the latest status.
 */
@ApplicationScoped
public class ReturnLedger {
    private static final String ROW = "SELECT school_bin, oblast_kato, status, seq, signature_id, changed_at "
            + "FROM school_return WHERE period_id = ?";

    /** The return's row, locked until the transaction ends (made DRAFT with seq 0 when it has none yet). */
    Row lock(Connection c, UUID period, String bin, String oblastKato) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO school_return (period_id, school_bin, oblast_kato, "
                + "status, seq, changed_at) VALUES (?, ?, ?, 'DRAFT', 0, now()) ON CONFLICT DO NOTHING")) {
            ps.setObject(1, period);
            ps.setString(2, bin);
            ps.setString(3, oblastKato);
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement(ROW + " AND school_bin = ? FOR UPDATE")) {
            ps.setObject(1, period);
            ps.setString(2, bin);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return row(rs);
            }
        }
    }

    /** The rows of the period (without a lock), by BIN; schools without one are DRAFT. */
    Map<String, Row> rows(Connection c, UUID period) throws SQLException {
        Map<String, Row> rows = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(ROW)) {
            ps.setObject(1, period);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Row row = row(rs);
                    rows.put(row.schoolBin(), row);
                }
            }
        }
        return rows;
    }

    /** The rows of the period in {@code statuses}, locked. */
    List<Row> lockAllIn(Connection c, UUID period, Collection<ReturnStatus> statuses) throws SQLException {
        List<Row> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(ROW + " AND status = ANY (?) ORDER BY school_bin FOR UPDATE")) {
            ps.setObject(1, period);
            ps.setArray(2, c.createArrayOf("varchar", statuses.stream().map(Enum::name).toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
        }
        return rows;
    }

    /**
     * Moves the locked return {@code row} to {@code to}: its row, a history entry, an outbox message. The signature
     * in force becomes {@code signatureId} (null keeps none: a DRAFT).
     */
    void change(Connection c, Period period, Row row, ReturnStatus to, Long signatureId, String digest, Actor actor,
            String reason, Instant at) throws SQLException {
        int seq = row.seq() + 1;
        try (PreparedStatement ps = c.prepareStatement("UPDATE school_return SET status = ?, seq = ?, signature_id = ?, "
                + "changed_at = ? WHERE period_id = ? AND school_bin = ?")) {
            ps.setString(1, to.name());
            ps.setInt(2, seq);
            setLong(ps, 3, signatureId);
            ps.setTimestamp(4, Timestamp.from(at));
            ps.setObject(5, period.id());
            ps.setString(6, row.schoolBin());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO return_change (period_id, school_bin, seq, "
                + "from_status, to_status, at, actor, actor_role, reason, signature_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setObject(1, period.id());
            ps.setString(2, row.schoolBin());
            ps.setInt(3, seq);
            ps.setString(4, row.seq() == 0 ? null : row.status().name());
            ps.setString(5, to.name());
            ps.setTimestamp(6, Timestamp.from(at));
            ps.setString(7, actor.name());
            ps.setString(8, actor.role());
            ps.setString(9, reason);
            setLong(ps, 10, signatureId != null ? signatureId : row.signatureId());
            ps.executeUpdate();
        }
        ReturnStatusChange event = new ReturnStatusChange(seq, period.id(), period.kind(), period.name(),
                period.censusDate(), row.schoolBin(), row.oblastKato(), row.seq() == 0 ? null : row.status(), to, at, actor.name(),
                actor.role(), reason, digest);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outbox (message_key, payload) VALUES (?, ?)")) {
            ps.setString(1, row.schoolBin());
            ps.setString(2, TopicCodec.SIGNOFF_RETURNS.encodeToString(event));
            ps.executeUpdate();
        }
    }

    /** Stores a verified signature; returns its id. */
    long addSignature(Connection c, UUID period, String bin, ReturnContent content, byte[] cms, Signature s)
            throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO return_signature (period_id, school_bin, content, "
                + "digest, cms, subject, issuer, serial, algorithm, signing_time, received_at, signed_by) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id")) {
            ps.setObject(1, period);
            ps.setString(2, bin);
            ps.setString(3, content.json());
            ps.setString(4, content.digest());
            ps.setBytes(5, cms);
            ps.setString(6, s.subject());
            ps.setString(7, s.issuer());
            ps.setString(8, s.serial());
            ps.setString(9, s.algorithm());
            ps.setTimestamp(10, s.signingTime() == null ? null : Timestamp.from(s.signingTime()));
            ps.setTimestamp(11, Timestamp.from(s.receivedAt()));
            ps.setString(12, s.signedBy());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The signatures of a return, newest first. */
    List<Signature> signatures(Connection c, UUID period, String bin) throws SQLException {
        List<Signature> signatures = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, digest, subject, issuer, serial, algorithm, "
                + "signing_time, received_at, signed_by FROM return_signature WHERE period_id = ? AND school_bin = ? "
                + "ORDER BY id DESC")) {
            ps.setObject(1, period);
            ps.setString(2, bin);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp signing = rs.getTimestamp(7);
                    signatures.add(new Signature(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), signing == null ? null : signing.toInstant(),
                            rs.getTimestamp(8).toInstant(), rs.getString(9)));
                }
            }
        }
        return signatures;
    }

    /** The digest of the content signature {@code signatureId} signed, or null without a signature. */
    String signedDigest(Connection c, Long signatureId) throws SQLException {
        return signatureId == null ? null : ReturnContent.sha256(signedContent(c, signatureId));
    }

    /** The signed content of signature {@code id}. */
    String signedContent(Connection c, long id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT content FROM return_signature WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** The history of a return, oldest first, each change with the digest of the signature it concerns. */
    List<Change> history(Connection c, UUID period, String bin) throws SQLException {
        List<Change> changes = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT ch.seq, ch.from_status, ch.to_status, ch.at, ch.actor, "
                + "ch.actor_role, ch.reason, s.digest FROM return_change ch LEFT JOIN return_signature s "
                + "ON s.id = ch.signature_id WHERE ch.period_id = ? AND ch.school_bin = ? ORDER BY ch.seq")) {
            ps.setObject(1, period);
            ps.setString(2, bin);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String from = rs.getString(2);
                    changes.add(new Change(rs.getInt(1), from == null ? null : ReturnStatus.valueOf(from),
                            ReturnStatus.valueOf(rs.getString(3)), rs.getTimestamp(4).toInstant(), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8)));
                }
            }
        }
        return changes;
    }

    private static Row row(ResultSet rs) throws SQLException {
        long signature = rs.getLong(5);
        Long signatureId = rs.wasNull() ? null : signature;
        return new Row(rs.getString(1), rs.getString(2), ReturnStatus.valueOf(rs.getString(3)), rs.getInt(4),
                signatureId, rs.getTimestamp(6).toInstant());
    }

    private static void setLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }
}
