package kz.nobd.ingest.pipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.nobd.contracts.Topics;
import kz.nobd.contracts.events.InputKind;
import kz.nobd.contracts.events.Rejection;
import kz.nobd.contracts.events.SubmissionFact;
import kz.nobd.contracts.events.TopicCodec;
import kz.nobd.ingest.outbox.OutboxWriter;

/**
 * Records what became of records: accepted and duplicate outcomes of REST batches (for GET /batches), and every
 * rejection, which also goes to {@code ingest.rejected.v1} through the outbox (the event only with any IIN
 * masked); and, once per school, kind and day, that submissions were accepted ({@code facts.submissions.v1},
 * which report-service's completeness counts).
 */
@ApplicationScoped
public class OutcomeWriter {
    @Inject
    ObjectMapper mapper;
    @Inject
    OutboxWriter outbox;
    @Inject
    Clock clock;
    @Inject
    DecisionCounters counters;
    @Inject
    AnnouncedSubmissions announced;

    /**
     * Which of these records were decided before (a REST batch's event, or a rejection): a record delivered again
     * must not be decided anew, or an event rejected once could be accepted on redelivery because the student's
     * timeline or the registry has changed since.
     */
    public Set<RecordRef> decided(Connection c, Collection<RecordRef> refs) throws SQLException {
        Set<RecordRef> decided = new HashSet<>();
        // a poll brings runs of offsets from a few partitions: one range scan of the key per partition, not a probe
        // per record
        Map<Partition, long[]> ranges = new HashMap<>();
        for (RecordRef ref : refs) {
            ranges.merge(new Partition(ref.topic(), ref.partition()), new long[] {ref.offset(), ref.offset()},
                    (a, b) -> new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])});
        }
        if (ranges.isEmpty()) {
            return decided;
        }
        try (PreparedStatement select = c.prepareStatement("select record_offset from event_outcome"
                + " where topic = ? and partition_no = ? and record_offset between ? and ?")) {
            for (Map.Entry<Partition, long[]> range : ranges.entrySet()) {
                Partition partition = range.getKey();
                select.setString(1, partition.topic());
                select.setInt(2, partition.partition());
                select.setLong(3, range.getValue()[0]);
                select.setLong(4, range.getValue()[1]);
                try (ResultSet rs = select.executeQuery()) {
                    while (rs.next()) {
                        decided.add(new RecordRef(partition.topic(), partition.partition(), rs.getLong(1)));
                    }
                }
            }
        }
        // offsets inside a range that are not among these records (decided in another poll) are not asked for
        decided.retainAll(refs instanceof Set<?> ? refs : new HashSet<>(refs));
        return decided;
    }

    private record Partition(String topic, int partition) {
    }

    /** Writes the transaction's outcome rows, rejected-topic messages and submission facts. */
    public void write(Connection c, Outcomes outcomes) throws SQLException {
        Instant now = Instant.now(clock);
        List<OutboxWriter.Message> messages = new ArrayList<>();
        if (!outcomes.rows.isEmpty()) {
            try (PreparedStatement insert = c.prepareStatement("insert into event_outcome (topic, partition_no,"
                    + " record_offset, event_id, kind, batch_id, batch_index, school_bin, outcome, reason, detail, event,"
                    + " decided_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?) on conflict do nothing")) {
                for (Outcomes.Row row : outcomes.rows) {
                    bind(insert, row, now);
                    insert.addBatch();
                    if (row.reason() != null) {
                        messages.add(rejection(row));
                    }
                }
                insert.executeBatch();
            }
        }
        for (Outcomes.Submitted first : firstOfTheDay(c, outcomes.submitted, LocalDate.ofInstant(now, clock.getZone()))) {
            messages.add(submission(first, now));
        }
        outbox.addAll(c, messages);
        counters.countOnCommit(outcomes);
    }

    /**
     * Of the schools and kinds with acceptances in this transaction, those with none before on {@code today}: only
     * they are announced on facts.submissions.v1 (completeness asks "did the school submit since a date"). Those
     * this instance knows to be announced today are not asked for ({@link AnnouncedSubmissions}).
     */
    private List<Outcomes.Submitted> firstOfTheDay(Connection c, Collection<Outcomes.Submitted> accepted,
            LocalDate today) throws SQLException {
        List<Outcomes.Submitted> first = new ArrayList<>();
        List<Outcomes.Submitted> submitted = announced.unknown(accepted, today);
        if (submitted.isEmpty()) {
            return first;
        }
        try (PreparedStatement upsert = c.prepareStatement("insert into school_submission (school_bin, kind, last_day)"
                + " select bin, kind, ? from unnest(?::text[], ?::text[]) as s (bin, kind)"
                // those announced today already are left out before the insert: a conflicting row would be locked
                // even when the update's condition fails, and concurrent batches would queue up on the same schools.
                // A scalar subquery is one probe of the key per school; written as "not exists" the planner hashed
                // the whole table for every batch (6 ms a batch with 39,000 rows, 10 % of ingest's database time)
                + " where coalesce((select t.last_day from school_submission t where t.school_bin = s.bin"
                + " and t.kind = s.kind), date '-infinity') < ? order by bin, kind"
                + " on conflict (school_bin, kind) do update set last_day = excluded.last_day"
                + " where school_submission.last_day < excluded.last_day returning school_bin, kind")) {
            upsert.setObject(1, today);
            upsert.setArray(2, c.createArrayOf("text", submitted.stream().map(Outcomes.Submitted::schoolBin).toArray()));
            upsert.setArray(3, c.createArrayOf("text", submitted.stream().map(s -> s.kind().name()).toArray()));
            upsert.setObject(4, today);
            try (ResultSet rs = upsert.executeQuery()) {
                while (rs.next()) {
                    first.add(new Outcomes.Submitted(rs.getString(1), InputKind.valueOf(rs.getString(2))));
                }
            }
        }
        // the others were left out (or met on the key) because a committed row already holds today
        Set<Outcomes.Submitted> announcedHere = new HashSet<>(first);
        submitted.stream().filter(s -> !announcedHere.contains(s)).forEach(s -> announced.committed(s, today));
        first.sort(Outcomes.Submitted.ORDER);
        return first;
    }

    private void bind(PreparedStatement insert, Outcomes.Row row, Instant now) throws SQLException {
        insert.setString(1, row.ref().topic());
        insert.setInt(2, row.ref().partition());
        insert.setLong(3, row.ref().offset());
        insert.setObject(4, row.eventId());
        insert.setString(5, row.kind().name());
        insert.setObject(6, row.batch() == null ? null : row.batch().batchId());
        insert.setObject(7, row.batch() == null ? null : row.batch().index());
        insert.setString(8, row.schoolBin());
        insert.setString(9, row.outcome());
        insert.setString(10, row.reason() == null ? null : row.reason().name());
        insert.setString(11, row.detail());
        insert.setString(12, row.maskedEvent() == null ? null : json(row.maskedEvent()));
        insert.setTimestamp(13, Timestamp.from(now));
    }

    private static OutboxWriter.Message rejection(Outcomes.Row row) {
        Rejection rejection = new Rejection(row.eventId(), row.kind(),
                row.batch() == null ? null : row.batch().batchId(), row.batch() == null ? null : row.batch().index(),
                row.schoolBin(), row.reason(), row.detail(), row.ref().toString(), row.maskedEvent());
        String key = row.eventId() == null ? row.ref().toString() : row.eventId().toString();
        return new OutboxWriter.Message(Topics.INGEST_REJECTED, key, TopicCodec.INGEST_REJECTED.encodeToString(rejection));
    }

    private OutboxWriter.Message submission(Outcomes.Submitted submitted, Instant receivedAt) {
        SubmissionFact fact = new SubmissionFact(submitted.schoolBin(), submitted.kind(),
                LocalDate.ofInstant(receivedAt, clock.getZone()), receivedAt);
        return new OutboxWriter.Message(Topics.FACTS_SUBMISSIONS, submitted.schoolBin(),
                TopicCodec.FACTS_SUBMISSIONS.encodeToString(fact));
    }

    private String json(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise", e);
        }
    }
}
