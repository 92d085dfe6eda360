package kz.nobd.ingest.pipeline;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import kz.nobd.contracts.events.RejectionReason;
import kz.nobd.contracts.events.InputKind;
import kz.nobd.ingest.intake.RecordDecoder;
import kz.nobd.ingest.store.ParkedRecords;
import kz.nobd.ingest.store.RegistryView;

/** The decisions enrolment events and equipment reports share: an id seen before, a school not known yet. */
@ApplicationScoped
public class SharedDecisions {
    @Inject
    ParkedRecords parked;
    @Inject
    RecordDecoder decoder;
    @Inject
    OutcomeWriter outcomes;
    @Inject
    RegistryView registry;

    /**
     * Decides a record whose id was accepted before ({@code known} is that content's hash, null when the id is
     * new): the same content is counted once, other content is EVENT_ID_REUSED. Returns whether it decided.
     */
    public boolean seenBefore(Outcomes outcomes, RecordRef ref, InputKind kind, RecordDecoder.Decoded<?> d, UUID id,
            String schoolBin, byte[] known, byte[] hash) {
        if (known == null) {
            return false;
        }
        if (Arrays.equals(known, hash)) {
            outcomes.accepted(ref, kind, id, d.batch(), schoolBin, true);
        } else {
            outcomes.rejected(ref, kind, d.eventId(), d.batch(), d.schoolBin(), RejectionReason.EVENT_ID_REUSED,
                    "id " + id + " was already accepted with a different content; use a new id for new content",
                    d.masked());
        }
        return true;
    }

    /**
     * Parks a record for a school the registry view does not know yet ({@code parkedForm} is what is kept: no
     * raw IIN), or, once parking is over, rejects it UNKNOWN_SCHOOL. Returns whether it decided.
     */
    public boolean schoolUnknown(Connection c, Outcomes outcomes, RecordRef ref, InputKind kind, RecordDecoder.Decoded<?> d,
            String schoolBin, boolean mayPark, Supplier<byte[]> parkedForm) throws SQLException {
        if (registry.knows(schoolBin)) {
            return false;
        }
        if (mayPark) {
            parked.park(c, ref, null, parkedForm.get(), schoolBin);
        } else {
            outcomes.rejected(ref, kind, d.eventId(), d.batch(), d.schoolBin(), RejectionReason.UNKNOWN_SCHOOL,
                    "no institution with BIN " + schoolBin + " is registered", d.masked());
        }
        return true;
    }

    /**
     * A record that failed even in a transaction of its own: rejected MALFORMED ("{@code what} could not be
     * processed") with what could be read of it, so it never blocks its partition.
     */
    public void poison(Connection c, ConsumerRecord<String, byte[]> record, InputKind kind, Class<?> type, String idField,
            String what) throws SQLException {
        RecordDecoder.Decoded<?> d = decoder.decode(record.value(), type, idField);
        Outcomes decisions = new Outcomes();
        decisions.rejected(RecordRef.of(record), kind, d, RejectionReason.MALFORMED, what + " could not be processed");
        outcomes.write(c, decisions);
    }
}
