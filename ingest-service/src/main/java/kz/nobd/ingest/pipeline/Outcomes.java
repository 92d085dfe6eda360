package kz.nobd.ingest.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import kz.nobd.contracts.events.RejectionReason;
import kz.nobd.contracts.events.InputKind;
import kz.nobd.ingest.intake.BatchRef;
import kz.nobd.ingest.intake.RecordDecoder;

/**
 * What one transaction decided about its records, collected while deciding and written at its end by
 * {@link OutcomeWriter#write} in a few batched statements.
 */
public final class Outcomes {
    record Row(RecordRef ref, InputKind kind, UUID eventId, BatchRef batch, String schoolBin, String outcome,
            RejectionReason reason, String detail, Map<String, Object> maskedEvent) {
    }

    /** A school with accepted submissions of one kind in this transaction (facts.submissions.v1). */
    record Submitted(String schoolBin, InputKind kind) {
        static final Comparator<Submitted> ORDER = Comparator.comparing(Submitted::schoolBin)
                .thenComparing(Submitted::kind);
    }

    final List<Row> rows = new ArrayList<>();
    final Set<Submitted> submitted = new TreeSet<>(Submitted.ORDER);
    /** Acceptances per kind (first ones, and of an id and content accepted before), for the decision counters. */
    final Map<InputKind, Integer> firstAccepted = new EnumMap<>(InputKind.class);
    final Map<InputKind, Integer> duplicates = new EnumMap<>(InputKind.class);

    /**
     * An accepted record ({@code duplicate}: its id and content were accepted before, so it is counted once). Only
     * records of a REST batch get an outcome row (for GET /batches); every first acceptance counts for the school.
     */
    public void accepted(RecordRef ref, InputKind kind, UUID eventId, BatchRef batch, String schoolBin, boolean duplicate) {
        if (batch != null) {
            rows.add(new Row(ref, kind, eventId, batch, schoolBin, duplicate ? "DUPLICATE" : "ACCEPTED", null, null,
                    null));
        }
        if (!duplicate) {
            submitted.add(new Submitted(schoolBin, kind));
        }
        (duplicate ? duplicates : firstAccepted).merge(kind, 1, Integer::sum);
    }

    /** A rejected record, with what could be read of it. */
    public void rejected(RecordRef ref, InputKind kind, RecordDecoder.Decoded<?> d, RejectionReason reason, String detail) {
        rejected(ref, kind, d.eventId(), d.batch(), d.schoolBin(), reason, detail, d.masked());
    }

    /** A rejected record; it also goes to ingest.rejected.v1, with any IIN masked. */
    public void rejected(RecordRef ref, InputKind kind, UUID eventId, BatchRef batch, String schoolBin,
            RejectionReason reason, String detail, Map<String, Object> maskedEvent) {
        // a detail may quote the record; PostgreSQL holds no U+0000 in text
        rows.add(new Row(ref, kind, eventId, batch, schoolBin, "REJECTED", reason,
                kz.nobd.support.ControlCharacters.withoutNul(detail), maskedEvent));
    }
}
