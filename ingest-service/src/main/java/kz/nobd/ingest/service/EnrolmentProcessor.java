package kz.nobd.ingest.service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.nobd.ingest.domain.CardVersion;
import kz.nobd.ingest.domain.EnrolmentEvent;
import kz.nobd.ingest.domain.EnrolmentEventInput;
import kz.nobd.ingest.domain.EnrolmentEventValidator;
import kz.nobd.ingest.domain.EnrolmentTimeline;
import kz.nobd.ingest.domain.Pseudonymizer;
import kz.nobd.ingest.domain.RejectionReason;
import kz.nobd.ingest.domain.TimelineEntry;
import kz.nobd.ingest.domain.Violation;
import kz.nobd.ingest.service.OutcomeWriter.Kind;

/**
 * Decides every enrolment record: syntax (MALFORMED, INVALID_IIN, INVALID_GRADE, INVALID_DATE), duplicates
 * (same id and payload: counted once; other payload: EVENT_ID_REUSED), the registry on the event's date
 * (unknown BIN: parked; UNKNOWN_SCHOOL later; SCHOOL_NOT_OPEN; WRONG_INSTITUTION_TYPE) and the student's timeline
 * (INVALID_TRANSITION). An accepted event updates spells, conflicts and facts in the same transaction.
 */
@ApplicationScoped
public class EnrolmentProcessor {
    @Inject
    RecordBatches batches;
    @Inject
    RecordDecoder decoder;
    @Inject
    RegistryView registry;
    @Inject
    StudentTimelines timelines;
    @Inject
    SpellSync spells;
    @Inject
    OutcomeWriter outcomes;
    @Inject
    SharedDecisions shared;
    @Inject
    Pseudonymizer pseudonymizer;
    @Inject
    ObjectMapper mapper;
    @Inject
    Clock clock;

    public void process(List<ConsumerRecord<String, byte[]>> records) {
        batches.run(records, (c, r) -> decide(c, r, true), this::poison);
    }

    /** Decides one record; {@code mayPark} is false when a parked record has run out of time. */
    public void decide(Connection c, ConsumerRecord<String, byte[]> record, boolean mayPark) throws SQLException {
        RecordRef ref = RecordRef.of(record);
        if (outcomes.decided(c, ref)) {
            return; // delivered again: decided once, for good
        }
        RecordDecoder.Decoded<EnrolmentEventInput> d = decoder.decode(record.value(), EnrolmentEventInput.class, "eventId");
        if (d.malformed()) {
            reject(c, ref, d, RejectionReason.MALFORMED, d.problem());
            return;
        }
        EnrolmentEventValidator.Result result = new EnrolmentEventValidator(pseudonymizer, LocalDate.now(clock))
                .validate(d.input());
        if (!result.valid()) {
            reject(c, ref, d, result.primaryReason(), Violation.detail(result.violations()));
            return;
        }
        EnrolmentEvent event = withLast4(result.event(), d.iinLast4());
        byte[] hash = hash(event);
        if (shared.seenBefore(c, ref, Kind.ENROLMENT, d, event.eventId(), event.schoolBin(),
                timelines.acceptedHash(c, event.eventId()), hash)
                // parked pseudonymised, without the key (an outside producer may key by the IIN)
                || shared.schoolUnknown(c, ref, Kind.ENROLMENT, d, event.schoolBin(), mayPark,
                        pseudonymised(event, d.batch()))) {
            return;
        }
        Optional<String> schoolProblem = schoolProblem(event);
        if (schoolProblem.isPresent()) {
            CardVersion card = registry.on(event.schoolBin(), event.occurredOn()).orElse(null);
            RejectionReason reason = card != null && card.isOpen() ? RejectionReason.WRONG_INSTITUTION_TYPE
                    : RejectionReason.SCHOOL_NOT_OPEN;
            reject(c, ref, d, reason, schoolProblem.get());
            return;
        }
        timelines.lock(c, event);
        List<TimelineEntry> timeline = new java.util.ArrayList<>(timelines.timeline(c, event.studentId()));
        TimelineEntry entry = TimelineEntry.of(event, StudentTimelines.nextSequence(timeline));
        Optional<EnrolmentTimeline.Invalid> objection = EnrolmentTimeline.objectionTo(timeline, entry);
        if (objection.isPresent()) {
            reject(c, ref, d, RejectionReason.INVALID_TRANSITION, objection.get().message());
            return;
        }
        timelines.append(c, event.studentId(), entry, hash);
        timeline.add(entry);
        spells.sync(c, event.studentId(), event.sex(), event.birthYear(), EnrolmentTimeline.replay(timeline));
        outcomes.accepted(c, ref, Kind.ENROLMENT, event.eventId(), d.batch(), event.schoolBin(), false);
    }

    private Optional<String> schoolProblem(EnrolmentEvent event) {
        Optional<CardVersion> card = registry.on(event.schoolBin(), event.occurredOn());
        if (card.isEmpty() || event.occurredOn().isBefore(card.get().openedOn())) {
            return Optional.of("school " + event.schoolBin() + " was not open on " + event.occurredOn()
                    + " (it opened later)");
        }
        if (!card.get().isOpen()) {
            return Optional.of("school " + event.schoolBin() + " was " + card.get().status() + " on "
                    + event.occurredOn() + " (since " + card.get().closedOn() + ")");
        }
        if (!card.get().takesEnrolment()) {
            return Optional.of("enrolment v1 covers SCHOOL, SMALL_SCHOOL and BOARDING; " + event.schoolBin() + " is a "
                    + card.get().type());
        }
        return Optional.empty();
    }

    private void poison(Connection c, ConsumerRecord<String, byte[]> record) throws SQLException {
        RecordDecoder.Decoded<EnrolmentEventInput> d = decoder.decode(record.value(), EnrolmentEventInput.class, "eventId");
        reject(c, RecordRef.of(record), d, RejectionReason.MALFORMED, "the event could not be processed");
    }

    private void reject(Connection c, RecordRef ref, RecordDecoder.Decoded<?> d, RejectionReason reason, String detail)
            throws SQLException {
        outcomes.rejected(c, ref, Kind.ENROLMENT, d.eventId(), d.batch(), d.schoolBin(), reason, detail, d.masked());
    }

    private byte[] pseudonymised(EnrolmentEvent event, BatchRef batch) {
        try {
            return mapper.writeValueAsBytes(SubmissionService.wire(event, batch));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static EnrolmentEvent withLast4(EnrolmentEvent e, String last4) {
        if (e.iinLast4() != null || last4 == null) {
            return e;
        }
        return new EnrolmentEvent(e.eventId(), e.type(), e.studentId(), e.sex(), e.birthYear(), last4, e.schoolBin(),
                e.grade(), e.language(), e.occurredOn(), e.schoolYear(), e.toSchoolBin(), e.reason());
    }

    /** The event's content without the masked digits: the same event from REST or from outside hashes the same. */
    private byte[] hash(EnrolmentEvent e) {
        try {
            EnrolmentEvent canonical = new EnrolmentEvent(e.eventId(), e.type(), e.studentId(), e.sex(), e.birthYear(),
                    null, e.schoolBin(), e.grade(), e.language(), e.occurredOn(), e.schoolYear(), e.toSchoolBin(),
                    e.reason());
            return MessageDigest.getInstance("SHA-256").digest(mapper.writeValueAsBytes(canonical));
        } catch (NoSuchAlgorithmException | JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
