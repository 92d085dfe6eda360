package kz.nobd.ingest.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import kz.nobd.ingest.pipeline.RecordRef;

/** Events for a BIN the registry view has not seen yet: kept until the registry catches up or time runs out. */
@ApplicationScoped
public class ParkedRecords {
    public void park(Connection c, RecordRef ref, String key, byte[] payload, String schoolBin) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("insert into parked_record (topic, partition_no,"
                + " record_offset, record_key, payload, school_bin, parked_at) values (?, ?, ?, ?, ?, ?, ?)"
                + " on conflict do nothing")) {
            insert.setString(1, ref.topic());
            insert.setInt(2, ref.partition());
            insert.setLong(3, ref.offset());
            insert.setString(4, kz.nobd.support.ControlCharacters.withoutNul(key));
            insert.setBytes(5, payload);
            insert.setString(6, schoolBin);
            insert.setTimestamp(7, Timestamp.from(Instant.now()));
            insert.executeUpdate();
        }
    }

    public void remove(Connection c, RecordRef ref) throws SQLException {
        try (PreparedStatement delete = c.prepareStatement(
                "delete from parked_record where topic = ? and partition_no = ? and record_offset = ?")) {
            delete.setString(1, ref.topic());
            delete.setInt(2, ref.partition());
            delete.setLong(3, ref.offset());
            delete.executeUpdate();
        }
    }
}
