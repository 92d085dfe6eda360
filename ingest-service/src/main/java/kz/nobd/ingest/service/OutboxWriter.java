package kz.nobd.ingest.service;

import java.sql.Connection;
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

    /** One COPY, in list order (ids grow in that order). */
    public void addAll(Connection c, List<Message> messages) throws SQLException {
        if (messages.isEmpty()) {
            return;
        }
        CopyRows rows = new CopyRows("outbox_message (topic, message_key, payload)");
        for (Message message : messages) {
            rows.add(message.topic()).add(message.key()).add(message.payload()).endRow();
        }
        rows.copyInto(c);
    }
}
