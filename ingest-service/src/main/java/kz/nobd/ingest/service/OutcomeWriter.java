package kz.nobd.ingest.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.nobd.contracts.Topics;
import kz.nobd.ingest.domain.RejectionReason;

/**
 * Records what became of a record: accepted and duplicate outcomes of REST batches (for GET /batches), and every
 * rejection, which also goes to {@code ingest.rejected.v1} through the outbox. The event is stored and
 * published only with any IIN masked.
 */
@ApplicationScoped
public class OutcomeWriter {
    public enum Kind {
        ENROLMENT, EQUIPMENT
    }

    @Inject
    ObjectMapper mapper;
    @Inject
    OutboxWriter outbox;

    /**
     * Whether the record at {@code ref} was decided before (a REST batch's event, or a rejection): a record delivered
     * again must not be decided anew, or an event rejected once could be accepted on redelivery because the
     * student's timeline or the registry has changed since.
     */
    public boolean decided(Connection c, RecordRef ref) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select 1 from event_outcome where topic = ?"
                + " and partition_no = ? and record_offset = ?")) {
            select.setString(1, ref.topic());
            select.setInt(2, ref.partition());
            select.setLong(3, ref.offset());
            try (var rs = select.executeQuery()) {
                return rs.next();
            }
        }
    }

    public void accepted(Connection c, RecordRef ref, Kind kind, UUID eventId, BatchRef batch, String schoolBin,
            boolean duplicate) throws SQLException {
        if (batch != null) {
            insert(c, ref, kind, eventId, batch, schoolBin, duplicate ? "DUPLICATE" : "ACCEPTED", null, null, null);
        }
    }

    public void rejected(Connection c, RecordRef ref, Kind kind, UUID eventId, BatchRef batch, String schoolBin,
            RejectionReason reason, String detail, Map<String, Object> maskedEvent) throws SQLException {
        String event = json(maskedEvent);
        if (!insert(c, ref, kind, eventId, batch, schoolBin, "REJECTED", reason.name(), detail, event)) {
            return; // this record was decided before (a replay): nothing twice
        }
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("eventId", eventId);
        message.put("kind", kind.name());
        message.put("batchId", batch == null ? null : batch.batchId());
        message.put("index", batch == null ? null : batch.index());
        message.put("schoolBin", schoolBin);
        message.put("reason", reason.name());
        message.put("detail", detail);
        message.put("source", ref.toString());
        message.put("event", maskedEvent);
        outbox.add(c, Topics.INGEST_REJECTED, eventId == null ? ref.toString() : eventId.toString(), json(message));
    }

    private boolean insert(Connection c, RecordRef ref, Kind kind, UUID eventId, BatchRef batch, String schoolBin,
            String outcome, String reason, String detail, String event) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("insert into event_outcome (topic, partition_no,"
                + " record_offset, event_id, kind, batch_id, batch_index, school_bin, outcome, reason, detail, event,"
                + " decided_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?) on conflict do nothing")) {
            insert.setString(1, ref.topic());
            insert.setInt(2, ref.partition());
            insert.setLong(3, ref.offset());
            insert.setObject(4, eventId);
            insert.setString(5, kind.name());
            insert.setObject(6, batch == null ? null : batch.batchId());
            insert.setObject(7, batch == null ? null : batch.index());
            insert.setString(8, schoolBin);
            insert.setString(9, outcome);
            insert.setString(10, reason);
            insert.setString(11, detail);
            insert.setString(12, event);
            insert.setTimestamp(13, Timestamp.from(Instant.now()));
            return insert.executeUpdate() == 1;
        }
    }

    private String json(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise", e);
        }
    }
}
