package kz.nobd.ingest.pipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import kz.nobd.contracts.Topics;
import kz.nobd.ingest.config.IngestConfig;
import kz.nobd.ingest.store.ParkedRecords;
import kz.nobd.ingest.store.RegistryView;

/**
 * Every few seconds, decides parked records whose school the registry view now knows, and rejects as
 * UNKNOWN_SCHOOL those parked longer than {@code nobd.ingest.park-for}; not before the view has caught up with the
 * registry topic (an instance still reading it could reject a school another instance knows). Several instances
 * share the table: each takes different rows ({@code for update skip locked}).
 */
@ApplicationScoped
public class ParkedRecordRetrier {
    @Inject
    DataSource dataSource;
    @Inject
    RegistryView registry;
    @Inject
    EnrolmentProcessor enrolment;
    @Inject
    EquipmentProcessor equipment;
    @Inject
    ParkedRecords parked;
    @Inject
    IngestConfig config;

    @Scheduled(every = "${nobd.ingest.park-retry-interval:5s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retry() {
        if (!registry.caughtUp()) {
            return;
        }
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection c = dataSource.getConnection()) {
                Instant expiry = Instant.now().minus(config.parkFor());
                for (ConsumerRecord<String, byte[]> record : due(c, expiry)) {
                    parked.remove(c, RecordRef.of(record));
                    boolean stillPark = record.timestamp() > expiry.toEpochMilli();
                    if (record.topic().equals(Topics.INGEST_EQUIPMENT)) {
                        equipment.decide(c, List.of(record), stillPark);
                    } else {
                        enrolment.decide(c, List.of(record), stillPark);
                    }
                }
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** Parked records that can now be decided; the record timestamp carries the parking time. */
    private List<ConsumerRecord<String, byte[]>> due(Connection c, Instant expiry) throws java.sql.SQLException {
        List<ConsumerRecord<String, byte[]>> due = new ArrayList<>();
        try (PreparedStatement select = c.prepareStatement("select topic, partition_no, record_offset, record_key,"
                + " payload, school_bin, parked_at from parked_record order by parked_at limit 1000 for update skip locked");
             ResultSet rs = select.executeQuery()) {
            while (rs.next()) {
                Timestamp parkedAt = rs.getTimestamp(7);
                if (registry.knows(rs.getString(6)) || parkedAt.toInstant().isBefore(expiry)) {
                    due.add(new ConsumerRecord<>(rs.getString(1), rs.getInt(2), rs.getLong(3), parkedAt.getTime(),
                            org.apache.kafka.common.record.TimestampType.LOG_APPEND_TIME, 0, 0, rs.getString(4),
                            rs.getBytes(5), new org.apache.kafka.common.header.internals.RecordHeaders(),
                            java.util.Optional.empty()));
                }
            }
        }
        return due;
    }
}
