package kz.nobd.ingest.service;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

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
 * A polled batch is decided as a set: its students are locked and loaded, and everything is written, in a few
 * statements for the whole batch (the timeline decisions themselves are made in memory, record by record, in
 * the order the records arrived).
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
        batches.run(records, (c, batch) -> decide(c, batch, true), this::poison);
    }

    /** A syntactically valid event on its way through the decisions. */
    private record Candidate(RecordRef ref, RecordDecoder.Decoded<EnrolmentEventInput> decoded, EnrolmentEvent event,
            byte[] hash) {
        StudentSet.Student student() {
            return new StudentSet.Student(event.studentId(), event.sex(), event.birthYear(), event.iinLast4());
        }
    }

    /**
     * Decides records as a set in the caller's transaction: a few statements for the whole list, whatever its
     * length. {@code mayPark} is false when parked records have run out of time.
     */
    public void decide(Connection c, List<ConsumerRecord<String, byte[]>> records, boolean mayPark) throws SQLException {
        Outcomes decisions = new Outcomes();
        List<Candidate> valid = validate(c, records, decisions);
        Map<UUID, byte[]> accepted = timelines.acceptedHashes(c, valid.stream().map(v -> v.event().eventId()).toList());
        List<Candidate> forTimeline = new ArrayList<>();
        for (Candidate candidate : valid) {
            if (!decidedByRegistry(c, candidate, accepted, decisions, mayPark)) {
                forTimeline.add(candidate);
            }
        }
        StudentSet students = timelines.lock(c, forTimeline.stream().map(Candidate::student).toList());
        for (Candidate candidate : forTimeline) {
            decideByTimeline(candidate, students, accepted, decisions);
        }
        timelines.append(c, students.appended());
        spells.sync(c, students);
        outcomes.write(c, decisions);
    }

    /** Syntax: the records not decided before that are well-formed and valid; the others are rejected. */
    private List<Candidate> validate(Connection c, List<ConsumerRecord<String, byte[]>> records, Outcomes decisions)
            throws SQLException {
        Set<RecordRef> decided = outcomes.decided(c, records.stream().map(RecordRef::of).toList());
        EnrolmentEventValidator validator = new EnrolmentEventValidator(pseudonymizer, LocalDate.now(clock));
        List<Candidate> valid = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            RecordRef ref = RecordRef.of(record);
            if (decided.contains(ref)) {
                continue; // delivered again: decided once, for good
            }
            RecordDecoder.Decoded<EnrolmentEventInput> d = decoder.decode(record.value(), EnrolmentEventInput.class,
                    "eventId");
            if (d.malformed()) {
                decisions.rejected(ref, Kind.ENROLMENT, d, RejectionReason.MALFORMED, d.problem());
                continue;
            }
            EnrolmentEventValidator.Result result = validator.validate(d.input());
            if (!result.valid()) {
                decisions.rejected(ref, Kind.ENROLMENT, d, result.primaryReason(), Violation.detail(result.violations()));
                continue;
            }
            EnrolmentEvent event = withLast4(result.event(), d.iinLast4());
            valid.add(new Candidate(ref, d, event, hash(event)));
        }
        return valid;
    }

    /** An id accepted before, a school unknown (parked), not open or of the wrong type: returns whether it decided. */
    private boolean decidedByRegistry(Connection c, Candidate candidate, Map<UUID, byte[]> accepted, Outcomes decisions,
            boolean mayPark) throws SQLException {
        EnrolmentEvent event = candidate.event();
        RecordDecoder.Decoded<EnrolmentEventInput> d = candidate.decoded();
        if (shared.seenBefore(decisions, candidate.ref(), Kind.ENROLMENT, d, event.eventId(), event.schoolBin(),
                accepted.get(event.eventId()), candidate.hash())
                // parked pseudonymised, without the key (an outside producer may key by the IIN)
                || shared.schoolUnknown(c, decisions, candidate.ref(), Kind.ENROLMENT, d, event.schoolBin(), mayPark,
                        () -> pseudonymised(event, d.batch()))) {
            return true;
        }
        Optional<SchoolProblem> problem = schoolProblem(event);
        problem.ifPresent(p -> decisions.rejected(candidate.ref(), Kind.ENROLMENT, d, p.reason(), p.detail()));
        return problem.isPresent();
    }

    /** Why the registry refuses an event: the reason code and what to tell the submitter. */
    private record SchoolProblem(RejectionReason reason, String detail) {
    }

    /** The student's timeline (locked): an id accepted earlier in this batch, INVALID_TRANSITION, or accepted. */
    private void decideByTimeline(Candidate candidate, StudentSet students, Map<UUID, byte[]> accepted,
            Outcomes decisions) {
        EnrolmentEvent event = candidate.event();
        RecordDecoder.Decoded<EnrolmentEventInput> d = candidate.decoded();
        if (shared.seenBefore(decisions, candidate.ref(), Kind.ENROLMENT, d, event.eventId(), event.schoolBin(),
                accepted.get(event.eventId()), candidate.hash())) {
            return;
        }
        TimelineEntry entry = TimelineEntry.of(event, students.nextSequence(event.studentId()));
        Optional<EnrolmentTimeline.Invalid> objection = EnrolmentTimeline.objectionTo(
                students.timeline(event.studentId()), entry);
        if (objection.isPresent()) {
            decisions.rejected(candidate.ref(), Kind.ENROLMENT, d, RejectionReason.INVALID_TRANSITION, objection.get().message());
            return;
        }
        students.append(event.studentId(), entry, candidate.hash());
        accepted.put(event.eventId(), candidate.hash());
        decisions.accepted(candidate.ref(), Kind.ENROLMENT, event.eventId(), d.batch(), event.schoolBin(), false);
    }

    /** The card in force on {@code occurredOn} decides, looked up once. */
    private Optional<SchoolProblem> schoolProblem(EnrolmentEvent event) {
        Optional<CardVersion> card = registry.on(event.schoolBin(), event.occurredOn());
        if (card.isEmpty() || event.occurredOn().isBefore(card.get().openedOn())) {
            return Optional.of(new SchoolProblem(RejectionReason.SCHOOL_NOT_OPEN, "school " + event.schoolBin()
                    + " was not open on " + event.occurredOn() + " (it opened later)"));
        }
        if (!card.get().isOpen()) {
            return Optional.of(new SchoolProblem(RejectionReason.SCHOOL_NOT_OPEN, "school " + event.schoolBin()
                    + " was " + card.get().status() + " on " + event.occurredOn() + " (since "
                    + card.get().closedOn() + ")"));
        }
        if (!card.get().takesEnrolment()) {
            return Optional.of(new SchoolProblem(RejectionReason.WRONG_INSTITUTION_TYPE, "enrolment v1 covers SCHOOL,"
                    + " SMALL_SCHOOL and BOARDING; " + event.schoolBin() + " is a " + card.get().type()));
        }
        return Optional.empty();
    }

    private void poison(Connection c, ConsumerRecord<String, byte[]> record) throws SQLException {
        shared.poison(c, record, Kind.ENROLMENT, EnrolmentEventInput.class, "eventId", "the event");
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
