package kz.nobd.ingest.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

/** Adds messages to the outbox in the caller's transaction; {@code IngestOutboxRelay} publishes them in id order. */
@ApplicationScoped
public class OutboxWriter {
    public record Message(String topic, String key, String payload) {
    }

    public void add(Connection c, String topic, String key, String payload) throws SQLException {
        addAll(c, List.of(new Message(topic, key, payload)));
    }

    /** One batched statement, in list order. */
    public void addAll(Connection c, List<Message> messages) throws SQLException {
        if (messages.isEmpty()) {
            return;
        }
        try (PreparedStatement insert = c.prepareStatement(
                "insert into outbox_message (topic, message_key, payload) values (?, ?, ?)")) {
            for (Message message : messages) {
                insert.setString(1, message.topic());
                insert.setString(2, message.key());
                insert.setString(3, message.payload());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
