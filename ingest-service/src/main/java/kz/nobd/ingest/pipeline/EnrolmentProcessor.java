package kz.nobd.ingest.pipeline;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;

import kz.nobd.ingest.domain.CardVersion;
import kz.nobd.ingest.domain.EnrolmentEvent;
import kz.nobd.ingest.domain.EnrolmentEventInput;
import kz.nobd.contracts.events.EnrolmentEventType;
import kz.nobd.ingest.domain.EnrolmentEventValidator;
import kz.nobd.ingest.domain.EnrolmentTimeline;
import kz.nobd.ingest.domain.Pseudonymizer;
import kz.nobd.contracts.events.RejectionReason;
import kz.nobd.ingest.domain.TimelineEntry;
import kz.nobd.ingest.domain.Violation;
import kz.nobd.contracts.events.InputKind;
import kz.nobd.contracts.events.TopicCodec;
import kz.nobd.ingest.intake.BatchRef;
import kz.nobd.ingest.intake.RecordDecoder;
import kz.nobd.ingest.intake.SubmissionService;
import kz.nobd.ingest.store.RegistryView;
import kz.nobd.ingest.store.StudentSet;
import kz.nobd.ingest.store.StudentStateWriter;
import kz.nobd.ingest.store.StudentTimelines;

/**
 * Decides every enrolment record: syntax (MALFORMED, INVALID_IIN, INVALID_GRADE, INVALID_DATE), duplicates
 * (same id and payload: counted once; other payload: EVENT_ID_REUSED), the registry on the event's date
 * (unknown BIN: parked; UNKNOWN_SCHOOL later; SCHOOL_NOT_OPEN; WRONG_INSTITUTION_TYPE) and the student's timeline
 * (INVALID_TRANSITION). An accepted event updates spells, conflicts and facts in the same transaction.
 * A polled batch is decided as a set: its students are locked and loaded, and everything is written, in a few
 * statements for the whole batch (the timeline decisions themselves are made in memory, record by record, in
 * the order the records arrived).
 * <p>
 * Bulk path: a batch is first decided as if its students and event ids were all new, without looking them up. That
 * is right for a bulk load (the start of a school year: every ENROLLED a new student); when it is wrong, the batch
 * cannot commit: a stored student or accepted event id fails on its key, and an event the empty timeline refuses
 * might be valid on the stored one, so the students of events other than ENROLLED are looked up. A stored key, or a
 * refusal of an event of a student not looked up, gives the attempt up: the batch is decided again with every
 * lookup, in a new transaction ({@link LookupSkipping} says when to try without again).
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
    StudentStateWriter studentStates;
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
    @Inject
    LookupSkipping lookupSkipping;

    private ObjectWriter eventWriter;

    @PostConstruct
    void init() {
        eventWriter = mapper.writerFor(EnrolmentEvent.class);
    }

    public void process(List<ConsumerRecord<String, byte[]>> records) {
        if (lookupSkipping.worthTrying()) {
            try {
                batches.runOnce(records, (c, batch) -> decide(c, batch, true, false));
                lookupSkipping.committed();
                return;
            } catch (RuntimeException notAllNew) {
                if (Transient.is(notAllNew) && !StudentTimelines.keyTaken(notAllNew)) {
                    throw notAllNew; // the infrastructure's: the consumer retries the batch
                }
                lookupSkipping.missed(); // decided again below, and a poison record found record by record
            }
        }
        batches.run(records, (c, batch) -> decide(c, batch, true, true), this::poison);
    }

    /** The bulk path met an event the empty timeline of a student taken as new refuses: the batch is decided again. */
    private static final class StoredTimelineNeeded extends RuntimeException {
        StoredTimelineNeeded() {
            super("an event was refused on a timeline taken as empty: decided again with the stored one", null,
                    false, false);
        }
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
        decide(c, records, mayPark, true);
    }

    /** {@code lookUp} false: the bulk path (students and event ids taken as new). */
    private void decide(Connection c, List<ConsumerRecord<String, byte[]>> records, boolean mayPark, boolean lookUp)
            throws SQLException {
        Outcomes decisions = new Outcomes();
        List<Candidate> valid = validate(c, records, decisions);
        // the bulk path looks up only the students with events an empty timeline would refuse, and the ids of their
        // events and of those the registry refuses: only there could an earlier acceptance change the decision
        Set<String> suspects = lookUp ? Set.of() : beyondEnrolment(valid);
        Map<UUID, byte[]> accepted = timelines.acceptedHashes(c, valid.stream()
                .filter(v -> lookUp || suspects.contains(v.event().studentId()) || registryRefuses(v.event()))
                .map(v -> v.event().eventId()).toList());
        List<Candidate> forTimeline = new ArrayList<>();
        for (Candidate candidate : valid) {
            if (!decidedByRegistry(c, candidate, accepted, decisions, mayPark)) {
                forTimeline.add(candidate);
            }
        }
        List<StudentSet.Student> concerned = forTimeline.stream().map(Candidate::student).toList();
        StudentSet students = lookUp ? timelines.lock(c, concerned) : timelines.lockSome(c, concerned, suspects);
        Predicate<String> lookedUp = lookUp ? id -> true : suspects::contains;
        for (Candidate candidate : forTimeline) {
            decideByTimeline(candidate, students, accepted, decisions, lookedUp);
        }
        timelines.append(c, students.appended());
        studentStates.writeWithFacts(c, students);
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
                decisions.rejected(ref, InputKind.ENROLMENT, d, RejectionReason.MALFORMED, d.problem());
                continue;
            }
            EnrolmentEventValidator.Result result = validator.validate(d.input());
            if (!result.valid()) {
                decisions.rejected(ref, InputKind.ENROLMENT, d, result.primaryReason(), Violation.detail(result.violations()));
                continue;
            }
            EnrolmentEvent event = withLast4(result.event(), d.iinLast4());
            valid.add(new Candidate(ref, d, event, hash(event)));
        }
        return valid;
    }

    /**
     * The students the bulk path looks up: those with an event other than ENROLLED in the batch, which an empty
     * timeline would refuse but the stored one may allow. A refusal it did not foresee (two ENROLLED of one student
     * at the same school) gives the bulk attempt up.
     */
    private static Set<String> beyondEnrolment(List<Candidate> candidates) {
        Set<String> students = new HashSet<>();
        for (Candidate candidate : candidates) {
            if (candidate.event().type() != EnrolmentEventType.ENROLLED) {
                students.add(candidate.event().studentId());
            }
        }
        return students;
    }

    /** An id accepted before, a school unknown (parked), not open or of the wrong type: returns whether it decided. */
    private boolean decidedByRegistry(Connection c, Candidate candidate, Map<UUID, byte[]> accepted, Outcomes decisions,
            boolean mayPark) throws SQLException {
        EnrolmentEvent event = candidate.event();
        RecordDecoder.Decoded<EnrolmentEventInput> d = candidate.decoded();
        if (shared.seenBefore(decisions, candidate.ref(), InputKind.ENROLMENT, d, event.eventId(), event.schoolBin(),
                accepted.get(event.eventId()), candidate.hash())
                // parked pseudonymised, without the key (an outside producer may key by the IIN)
                || shared.schoolUnknown(c, decisions, candidate.ref(), InputKind.ENROLMENT, d, event.schoolBin(), mayPark,
                        () -> pseudonymised(event, d.batch()))) {
            return true;
        }
        Optional<SchoolProblem> problem = schoolProblem(event);
        problem.ifPresent(p -> decisions.rejected(candidate.ref(), InputKind.ENROLMENT, d, p.reason(), p.detail()));
        return problem.isPresent();
    }

    /** Why the registry refuses an event: the reason code and what to tell the submitter. */
    private record SchoolProblem(RejectionReason reason, String detail) {
    }

    /** The student's timeline (locked): an id accepted earlier in this batch, INVALID_TRANSITION, or accepted. */
    private void decideByTimeline(Candidate candidate, StudentSet students, Map<UUID, byte[]> accepted,
            Outcomes decisions, Predicate<String> lookedUp) {
        EnrolmentEvent event = candidate.event();
        RecordDecoder.Decoded<EnrolmentEventInput> d = candidate.decoded();
        if (shared.seenBefore(decisions, candidate.ref(), InputKind.ENROLMENT, d, event.eventId(), event.schoolBin(),
                accepted.get(event.eventId()), candidate.hash())) {
            return;
        }
        StudentSet.Member student = students.member(event.studentId());
        TimelineEntry entry = TimelineEntry.of(event, StudentSet.nextSequence(student));
        Optional<EnrolmentTimeline.Invalid> objection = EnrolmentTimeline.objectionTo(student.timeline(), entry);
        if (objection.isPresent() && !lookedUp.test(event.studentId())) {
            throw new StoredTimelineNeeded();
        }
        if (objection.isPresent()) {
            decisions.rejected(candidate.ref(), InputKind.ENROLMENT, d, RejectionReason.INVALID_TRANSITION, objection.get().message());
            return;
        }
        students.append(student, entry, candidate.hash());
        accepted.put(event.eventId(), candidate.hash());
        decisions.accepted(candidate.ref(), InputKind.ENROLMENT, event.eventId(), d.batch(), event.schoolBin(), false);
    }

    private boolean registryRefuses(EnrolmentEvent event) {
        return !registry.knows(event.schoolBin()) || schoolProblem(event).isPresent();
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
        shared.poison(c, record, InputKind.ENROLMENT, EnrolmentEventInput.class, "eventId", "the event");
    }

    private static byte[] pseudonymised(EnrolmentEvent event, BatchRef batch) {
        return TopicCodec.INGEST_ENROLMENT.encode(SubmissionService.wire(event, batch));
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
        EnrolmentEvent canonical = new EnrolmentEvent(e.eventId(), e.type(), e.studentId(), e.sex(), e.birthYear(),
                null, e.schoolBin(), e.grade(), e.language(), e.occurredOn(), e.schoolYear(), e.toSchoolBin(),
                e.reason());
        try {
            return SHA256.get().digest(eventWriter.writeValueAsBytes(canonical));
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** A MessageDigest is not thread-safe, and looking one up costs more than the hash of an event: one per thread. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    });
}
