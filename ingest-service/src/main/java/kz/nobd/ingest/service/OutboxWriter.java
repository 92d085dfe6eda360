package kz.nobd.ingest.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;

/** Adds a message to the outbox in the caller's transaction; {@code IngestOutboxRelay} publishes it. */
@ApplicationScoped
public class OutboxWriter {
    public void add(Connection c, String topic, String key, String payload) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement(
                "insert into outbox_message (topic, message_key, payload) values (?, ?, ?)")) {
            insert.setString(1, topic);
            insert.setString(2, key);
            insert.setString(3, payload);
            insert.executeUpdate();
        }
    }
}
