package kz.nobd.report.messaging;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;

import kz.nobd.support.messaging.ConsumerLoop;

/**
 * Table topic_offset of this replica's schema: the next offset of every partition its consumers read, written in
 * the transaction of the batch whose state it covers. The tables and these offsets are one durable snapshot: a
 * restarted replica loads its state and seeks every partition to its stored offset (no consumer group).
 */
@ApplicationScoped
public class TopicOffsets {

    /** The next offsets stored for the partitions of {@code topics}. */
    public Map<TopicPartition, Long> load(Connection c, Collection<String> topics) throws SQLException {
        Map<TopicPartition, Long> offsets = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT topic, partition, next_offset FROM topic_offset "
                + "WHERE topic = ANY(?)")) {
            ps.setArray(1, c.createArrayOf("text", topics.toArray()));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    offsets.put(new TopicPartition(rs.getString(1), rs.getInt(2)), rs.getLong(3));
                }
            }
        }
        return offsets;
    }

    /** Stores the next offsets after {@code batch}, in the caller's transaction (the one of the batch's state). */
    public void store(Connection c, List<ConsumerRecord<String, byte[]>> batch) throws SQLException {
        List<Object> topics = new ArrayList<>(), partitions = new ArrayList<>(), next = new ArrayList<>();
        ConsumerLoop.nextOffsets(batch).forEach((tp, offset) -> {
            topics.add(tp.topic());
            partitions.add(tp.partition());
            next.add(offset.offset());
        });
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO topic_offset (topic, partition, next_offset) "
                + "SELECT * FROM unnest(?::text[], ?::int4[], ?::int8[]) ON CONFLICT (topic, partition) "
                + "DO UPDATE SET next_offset = excluded.next_offset")) {
            ps.setArray(1, c.createArrayOf("text", topics.toArray()));
            ps.setArray(2, c.createArrayOf("int4", partitions.toArray()));
            ps.setArray(3, c.createArrayOf("int8", next.toArray()));
            ps.executeUpdate();
        }
    }
}
