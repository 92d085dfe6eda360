package kz.nobd.ingest.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Adds messages to the outbox in the caller's transaction: one row per topic holding that topic's messages in list
 * order (a polled batch writes one row, not one per fact). {@code IngestOutboxRelay} publishes rows in id order and
 * the messages of a row in array order.
 */
@ApplicationScoped
public class OutboxWriter {
    public record Message(String topic, String key, String payload) {
    }

    public void add(Connection c, String topic, String key, String payload) throws SQLException {
        addAll(c, List.of(new Message(topic, key, payload)));
    }

    /** One row per topic, in list order within each topic. */
    public void addAll(Connection c, List<Message> messages) throws SQLException {
        if (messages.isEmpty()) {
            return;
        }
        Map<String, List<Message>> byTopic = messages.stream()
                .collect(Collectors.groupingBy(Message::topic, LinkedHashMap::new, Collectors.toList()));
        try (PreparedStatement insert = c.prepareStatement(
                "insert into outbox_message (topic, message_keys, payloads) values (?, ?, ?)")) {
            for (Map.Entry<String, List<Message>> topic : byTopic.entrySet()) {
                insert.setString(1, topic.getKey());
                insert.setArray(2, c.createArrayOf("text", topic.getValue().stream().map(Message::key).toArray()));
                insert.setArray(3, c.createArrayOf("text", topic.getValue().stream().map(Message::payload).toArray()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
