package kz.nobd.ingest.pipeline;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.nobd.contracts.Topics;
import kz.nobd.contracts.events.EquipmentFact;
import kz.nobd.contracts.events.TopicCodec;
import kz.nobd.ingest.domain.CardVersion;
import kz.nobd.ingest.domain.EquipmentReport;
import kz.nobd.ingest.domain.EquipmentReportInput;
import kz.nobd.ingest.domain.EquipmentReportValidator;
import kz.nobd.contracts.events.RejectionReason;
import kz.nobd.ingest.domain.Violation;
import kz.nobd.contracts.events.InputKind;
import kz.nobd.ingest.intake.RecordDecoder;
import kz.nobd.ingest.outbox.OutboxWriter;
import kz.nobd.ingest.store.RegistryView;

/**
 * Decides every equipment report: syntax, duplicates by report id, the registry on {@code asOf}; an accepted
 * report is stored (all are kept as history; the latest asOf per school is current) and published as a fact.
 */
@ApplicationScoped
public class EquipmentProcessor {
    @Inject
    RecordBatches batches;
    @Inject
    RecordDecoder decoder;
    @Inject
    RegistryView registry;
    @Inject
    OutcomeWriter outcomes;
    @Inject
    OutboxWriter outbox;
    @Inject
    SharedDecisions shared;
    @Inject
    ObjectMapper mapper;
    @Inject
    Clock clock;

    public void process(List<ConsumerRecord<String, byte[]>> records) {
        batches.run(records, (c, batch) -> decide(c, batch, true), this::poison);
    }

    /** Decides records in the caller's transaction; {@code mayPark} is false when parking has run out of time. */
    public void decide(Connection c, List<ConsumerRecord<String, byte[]>> records, boolean mayPark) throws SQLException {
        Set<RecordRef> decided = outcomes.decided(c, records.stream().map(RecordRef::of).toList());
        Outcomes decisions = new Outcomes();
        for (ConsumerRecord<String, byte[]> record : records) {
            if (!decided.contains(RecordRef.of(record))) { // else delivered again: decided once, for good
                decide(c, record, mayPark, decisions);
            }
        }
        outcomes.write(c, decisions);
    }

    private void decide(Connection c, ConsumerRecord<String, byte[]> record, boolean mayPark, Outcomes decisions)
            throws SQLException {
        RecordRef ref = RecordRef.of(record);
        RecordDecoder.Decoded<EquipmentReportInput> d = decoder.decode(record.value(), EquipmentReportInput.class,
                "reportId");
        if (d.malformed()) {
            decisions.rejected(ref, InputKind.EQUIPMENT, d, RejectionReason.MALFORMED, d.problem());
            return;
        }
        EquipmentReportValidator.Result result = new EquipmentReportValidator(LocalDate.now(clock)).validate(d.input());
        if (!result.valid()) {
            decisions.rejected(ref, InputKind.EQUIPMENT, d, result.primaryReason(), Violation.detail(result.violations()));
            return;
        }
        EquipmentReport report = result.report();
        String json = json(report);
        byte[] hash = sha256(json);
        if (shared.seenBefore(decisions, ref, InputKind.EQUIPMENT, d, report.reportId(), report.schoolBin(),
                storedHash(c, report), hash)
                || shared.schoolUnknown(c, decisions, ref, InputKind.EQUIPMENT, d, report.schoolBin(), mayPark,
                        record::value)) {
            return;
        }
        Optional<CardVersion> card = registry.on(report.schoolBin(), report.asOf());
        if (card.isEmpty() || !card.get().isOpen()) {
            decisions.rejected(ref, InputKind.EQUIPMENT, d, RejectionReason.SCHOOL_NOT_OPEN, "institution " + report.schoolBin()
                    + " was not OPEN on " + report.asOf());
            return;
        }
        Instant receivedAt = Instant.now(clock);
        store(c, report, json, hash, receivedAt);
        EquipmentFact fact = new EquipmentFact(report.reportId(), report.schoolBin(), report.asOf(), report.devices(),
                report.internet(), receivedAt);
        outbox.add(c, Topics.FACTS_EQUIPMENT, report.schoolBin(), TopicCodec.FACTS_EQUIPMENT.encodeToString(fact));
        decisions.accepted(ref, InputKind.EQUIPMENT, report.reportId(), d.batch(), report.schoolBin(), false);
    }

    private static byte[] storedHash(Connection c, EquipmentReport report) throws SQLException {
        try (PreparedStatement select = c.prepareStatement("select payload_hash from equipment_report where report_id = ?")) {
            select.setObject(1, report.reportId());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? rs.getBytes(1) : null;
            }
        }
    }

    private static void store(Connection c, EquipmentReport report, String json, byte[] hash, Instant receivedAt)
            throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("insert into equipment_report (report_id, school_bin,"
                + " as_of, report, payload_hash, received_at) values (?, ?, ?, ?::jsonb, ?, ?)")) {
            insert.setObject(1, report.reportId());
            insert.setString(2, report.schoolBin());
            insert.setDate(3, Date.valueOf(report.asOf()));
            insert.setString(4, json);
            insert.setBytes(5, hash);
            insert.setTimestamp(6, Timestamp.from(receivedAt));
            insert.executeUpdate();
        }
    }

    private void poison(Connection c, ConsumerRecord<String, byte[]> record) throws SQLException {
        shared.poison(c, record, InputKind.EQUIPMENT, EquipmentReportInput.class, "reportId", "the report");
    }

    private String json(Object report) {
        try {
            return mapper.writeValueAsString(report);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] sha256(String text) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
