package kz.nobd.ingest.pipeline;

import java.util.EnumMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.StartupEvent;
import kz.nobd.contracts.events.RejectionReason;
import kz.nobd.contracts.events.InputKind;

/**
 * Counts what the consumers decided, once the transaction that stored the decisions commits (a batch rolled back and
 * decided again counts once): {@code nobd_ingest_accepted_total{kind, duplicate}} and
 * {@code nobd_ingest_rejected_total{kind, reason}}. A record parked for an unknown school counts when it is decided.
 */
@ApplicationScoped
public class DecisionCounters {
    @Inject
    MeterRegistry meters;
    @Inject
    TransactionSynchronizationRegistry transactions;

    /** Every series from the start at zero: a rate over a reason seen for the first time has a starting point. */
    void registerAtZero(@Observes StartupEvent event) {
        for (InputKind kind : InputKind.values()) {
            meters.counter("nobd_ingest_accepted", "kind", tag(kind), "duplicate", "false");
            meters.counter("nobd_ingest_accepted", "kind", tag(kind), "duplicate", "true");
            for (RejectionReason reason : RejectionReason.values()) {
                meters.counter("nobd_ingest_rejected", "kind", tag(kind), "reason", reason.name());
            }
        }
    }

    /** Registers the counts of {@code outcomes} to be added when the caller's transaction commits. */
    void countOnCommit(Outcomes outcomes) {
        Map<InputKind, Integer> accepted = new EnumMap<>(outcomes.firstAccepted);
        Map<InputKind, Integer> duplicates = new EnumMap<>(outcomes.duplicates);
        Map<InputKind, Map<RejectionReason, Integer>> rejected = new EnumMap<>(InputKind.class);
        for (Outcomes.Row row : outcomes.rows) {
            if (row.reason() != null) {
                rejected.computeIfAbsent(row.kind(), k -> new EnumMap<>(RejectionReason.class))
                        .merge(row.reason(), 1, Integer::sum);
            }
        }
        if (accepted.isEmpty() && duplicates.isEmpty() && rejected.isEmpty()) {
            return;
        }
        if (transactions.getTransactionKey() == null) {
            add(accepted, duplicates, rejected); // no transaction: the writes are already final
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // counted after the commit only
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    add(accepted, duplicates, rejected);
                }
            }
        });
    }

    private void add(Map<InputKind, Integer> accepted, Map<InputKind, Integer> duplicates,
            Map<InputKind, Map<RejectionReason, Integer>> rejected) {
        accepted.forEach((kind, n) -> meters.counter("nobd_ingest_accepted", "kind", tag(kind), "duplicate", "false")
                .increment(n));
        duplicates.forEach((kind, n) -> meters.counter("nobd_ingest_accepted", "kind", tag(kind), "duplicate", "true")
                .increment(n));
        rejected.forEach((kind, reasons) -> reasons.forEach((reason, n) -> meters
                .counter("nobd_ingest_rejected", "kind", tag(kind), "reason", reason.name()).increment(n)));
    }

    private static String tag(InputKind kind) {
        return kind.name().toLowerCase(java.util.Locale.ROOT);
    }
}
