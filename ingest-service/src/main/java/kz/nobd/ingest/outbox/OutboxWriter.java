package kz.nobd.ingest.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Adds messages to the outbox in the caller's transaction: one row per topic holding that topic's messages in list
 * order, keys and payloads one per line (a polled batch writes one row, not one per fact). {@code IngestOutboxRelay}
 * publishes rows in id order and the messages of a row in line order.
 */
@ApplicationScoped
public class OutboxWriter {
    public record Message(String topic, String key, String payload) {
        public Message {
            if (key.indexOf('\n') >= 0 || payload.indexOf('\n') >= 0) {
                throw new IllegalArgumentException("an outbox message is one line: its key and payload hold no line"
                        + " break (compact JSON)");
            }
        }
    }

    /** The messages of a row, in their order. */
    public static List<Message> lines(String topic, String keyLines, String payloadLines) {
        String[] keys = keyLines.split("\n", -1);
        String[] payloads = payloadLines.split("\n", -1);
        if (keys.length != payloads.length) {
            throw new IllegalStateException("an outbox row of " + topic + " has " + keys.length + " keys and "
                    + payloads.length + " payloads");
        }
        List<Message> messages = new ArrayList<>(keys.length);
        for (int i = 0; i < keys.length; i++) {
            messages.add(new Message(topic, keys[i], payloads[i]));
        }
        return messages;
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
                "insert into outbox_message (topic, key_lines, payload_lines) values (?, ?, ?)")) {
            for (Map.Entry<String, List<Message>> topic : byTopic.entrySet()) {
                insert.setString(1, topic.getKey());
                insert.setString(2, topic.getValue().stream().map(Message::key).collect(Collectors.joining("\n")));
                insert.setString(3, topic.getValue().stream().map(Message::payload).collect(Collectors.joining("\n")));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
