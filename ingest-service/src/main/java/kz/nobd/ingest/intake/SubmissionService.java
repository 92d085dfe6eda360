package kz.nobd.ingest.intake;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;


import io.quarkus.narayana.jta.QuarkusTransaction;
import kz.nobd.contracts.Topics;
import kz.nobd.contracts.events.EnrolmentInputEvent;
import kz.nobd.contracts.events.EquipmentInputReport;
import kz.nobd.contracts.events.Sex;
import kz.nobd.contracts.events.TopicCodec;
import kz.nobd.ingest.config.IngestConfig;
import kz.nobd.ingest.domain.EnrolmentEvent;
import kz.nobd.ingest.domain.EnrolmentEventInput;
import kz.nobd.ingest.domain.EnrolmentEventValidator;
import kz.nobd.ingest.domain.EquipmentReport;
import kz.nobd.ingest.domain.EquipmentReportInput;
import kz.nobd.ingest.domain.EquipmentReportValidator;
import kz.nobd.ingest.domain.Pseudonymizer;
import kz.nobd.ingest.domain.Violation;
import kz.nobd.ingest.messaging.TransactionalPublisher;
import kz.nobd.support.Caller;
import kz.nobd.support.FieldError;
import kz.nobd.support.ForbiddenException;
import kz.nobd.support.ValidationException;

/**
 * The REST side of ingest: checks a whole batch for syntax (400 listing every bad item, nothing published),
 * checks that a school submits for itself only (403 for the whole batch), records the batch and publishes it in
 * one Kafka transaction (all or nothing; Kafka down: 503 and no batch). Enrolment events leave with the IIN
 * replaced by the pseudonym, sex, birth year and the last four digits: no raw IIN travels from here.
 */
@ApplicationScoped
public class SubmissionService {
    @Inject
    DataSource dataSource;
    @Inject
    TransactionalPublisher publisher;
    @Inject
    Pseudonymizer pseudonymizer;
    @Inject
    IngestConfig config;
    @Inject
    Caller caller;
    @Inject
    Clock clock;

    public record Accepted(UUID batchId, int received) {
    }

    public Accepted submitEnrolment(List<EnrolmentEventInput> inputs) {
        return submitEnrolment(inputs, Map.of());
    }

    /**
     * As {@link #submitEnrolment(List)}, with the elements the REST layer could not bind (null in {@code inputs})
     * and their problems by index, so that the 400 lists them together with the syntax errors of the others.
     */
    public Accepted submitEnrolment(List<EnrolmentEventInput> inputs, Map<Integer, List<FieldError>> shapeErrors) {
        if (inputs == null || inputs.isEmpty() || inputs.size() > config.maxBatchEvents()) {
            throw new ValidationException(List.of(new FieldError("body", "send a JSON array of 1.."
                    + config.maxBatchEvents() + " events, sent " + (inputs == null ? 0 : inputs.size()))));
        }
        EnrolmentEventValidator validator = new EnrolmentEventValidator(pseudonymizer, LocalDate.now(clock));
        List<FieldError> errors = new ArrayList<>();
        List<EnrolmentEvent> events = new ArrayList<>(inputs.size());
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < inputs.size(); i++) {
            EnrolmentEventInput input = inputs.get(i);
            if (input != null && namesPseudonym(input)) {
                errors.add(new FieldError("[" + i + "].studentId", "over REST a student is named by studentIin only;"
                        + " ingest derives studentId, sex and birthYear from it"));
                input = withoutPseudonym(input);
            }
            EnrolmentEventValidator.Result result = input == null ? null : validator.validate(input);
            if (shapeErrors.containsKey(i)) {
                errors.addAll(shapeErrors.get(i));
            } else if (result == null) {
                errors.add(new FieldError("[" + i + "]", "an event must be a JSON object"));
            } else if (!result.valid()) {
                addAll(errors, i, result.violations());
            } else if (!ids.add(result.event().eventId())) {
                errors.add(new FieldError("[" + i + "].eventId", "eventId " + result.event().eventId()
                        + " appears twice in the batch; every event needs its own id"));
            } else {
                events.add(result.event());
            }
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors.size() + " problems in the batch; nothing was accepted", errors);
        }
        String school = requireOwnSchool(events.stream().map(EnrolmentEvent::schoolBin).toList());
        UUID batchId = UUID.randomUUID();
        List<TransactionalPublisher.Message> messages = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            EnrolmentEvent e = events.get(i);
            messages.add(new TransactionalPublisher.Message(Topics.INGEST_ENROLMENT, e.studentId(),
                    TopicCodec.INGEST_ENROLMENT.encode(wire(e, new BatchRef(batchId, i)))));
        }
        publish(batchId, "ENROLMENT", school, messages);
        return new Accepted(batchId, events.size());
    }

    public Accepted submitEquipment(EquipmentReportInput input) {
        if (input == null) {
            throw new ValidationException(List.of(new FieldError("body", "an equipment report (JSON object) is required")));
        }
        EquipmentReportValidator.Result result = new EquipmentReportValidator(LocalDate.now(clock)).validate(input);
        if (!result.valid()) {
            List<FieldError> errors = new ArrayList<>();
            result.violations().forEach(v -> errors.add(new FieldError(v.field(), v.message())));
            throw new ValidationException(errors);
        }
        EquipmentReport report = result.report();
        String school = requireOwnSchool(List.of(report.schoolBin()));
        UUID batchId = UUID.randomUUID();
        EquipmentInputReport wire = new EquipmentInputReport(report.reportId(), report.schoolBin(), report.asOf(),
                report.devices(), report.internet(), batchId, 0);
        publish(batchId, "EQUIPMENT", school, List.of(new TransactionalPublisher.Message(Topics.INGEST_EQUIPMENT,
                report.schoolBin(), TopicCodec.INGEST_EQUIPMENT.encode(wire))));
        return new Accepted(batchId, 1);
    }

    /** A school submits for its own BIN only; the ministry for any. Returns the school's BIN (null for ministry). */
    private String requireOwnSchool(List<String> bins) {
        if (caller.role().equals(Caller.MINISTRY)) {
            return null;
        }
        String own = caller.orgBin();
        List<String> foreign = bins.stream().filter(b -> !b.equals(own)).distinct().limit(5).toList();
        if (!foreign.isEmpty()) {
            throw new ForbiddenException("a school submits for its own BIN " + own + " only; the batch names "
                    + String.join(", ", foreign) + "; nothing was accepted");
        }
        return own;
    }

    private void publish(UUID batchId, String kind, String school, List<TransactionalPublisher.Message> messages) {
        QuarkusTransaction.requiringNew().run(() -> insertBatch(batchId, kind, school, messages.size()));
        try {
            publisher.publishAll(messages);
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> deleteBatch(batchId));
            throw e;
        }
    }

    private void insertBatch(UUID batchId, String kind, String school, int received) {
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "insert into submission_batch (batch_id, kind, submitted_by, submitter_role, school_bin, received,"
                        + " created_at) values (?, ?, ?, ?, ?, ?, ?)")) {
            insert.setObject(1, batchId);
            insert.setString(2, kind);
            insert.setString(3, caller.name());
            insert.setString(4, caller.role());
            insert.setString(5, school);
            insert.setInt(6, received);
            insert.setTimestamp(7, Timestamp.from(Instant.now(clock)));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    private void deleteBatch(UUID batchId) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement("delete from submission_batch where batch_id = ?")) {
            delete.setObject(1, batchId);
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
    }

    /**
     * The event as ingest's REST layer publishes it (and a parked event is kept): pseudonym, sex, birth year, the
     * last four digits; no IIN. {@code batch} is null for an event from an outside producer.
     */
    public static EnrolmentInputEvent wire(EnrolmentEvent e, BatchRef batch) {
        return new EnrolmentInputEvent(e.eventId(), e.type(), null, e.studentId(), Sex.valueOf(String.valueOf(e.sex())),
                e.birthYear(), e.iinLast4(), e.schoolBin(), e.grade(), e.language(), e.occurredOn(), e.schoolYear(),
                e.toSchoolBin(), e.reason(), batch == null ? null : batch.batchId(), batch == null ? null : batch.index());
    }

    /**
     * The pseudonym form is what this layer publishes, never what a client sends: accepting it would let a client
     * skip the IIN check and invent students no IIN leads to.
     */
    private static boolean namesPseudonym(EnrolmentEventInput in) {
        return in.studentId() != null || in.sex() != null || in.birthYear() != null;
    }

    private static EnrolmentEventInput withoutPseudonym(EnrolmentEventInput in) {
        return new EnrolmentEventInput(in.eventId(), in.type(), in.studentIin(), null, null, null, in.schoolBin(),
                in.grade(), in.language(), in.occurredOn(), in.schoolYear(), in.toSchoolBin(), in.reason());
    }

    private static void addAll(List<FieldError> errors, int index, List<Violation> violations) {
        for (Violation v : violations) {
            errors.add(new FieldError("[" + index + "]." + v.field(), v.reason() + ": " + v.message()));
        }
    }
}
