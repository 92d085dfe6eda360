package kz.nobd.report.signoff;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.nobd.contracts.events.ReturnStatus;
import kz.nobd.report.messaging.Transactions;
import kz.nobd.report.signoff.ReturnRecords.Actor;
import kz.nobd.report.signoff.ReturnRecords.Row;
import kz.nobd.support.FieldError;
import kz.nobd.support.ValidationException;

/**
 * The ministry's lock of a period (its ACCEPTED returns become LOCKED: the official figures) and its reopening with
 * a reason (LOCKED returns are ACCEPTED again); the period's row is locked while its returns change.
 */
@ApplicationScoped
public class PeriodLocks {
    @Inject
    SignoffDatabase database;
    @Inject
    Periods periods;
    @Inject
    ReturnLedger ledger;
    @Inject
    Clock clock;

    /**
     * The ministry locks the period once its acceptance deadline has passed: its ACCEPTED returns become LOCKED and
     * nothing of it changes until it is reopened.
     */
    public Period lock(String periodId, Actor actor) {
        Period period = periods.find(periodId);
        Returns.refuseIfLocked(period);
        if (!java.time.LocalDate.now(clock).isAfter(period.acceptanceDeadline())) {
            throw WorkflowRefusal.ACCEPTANCE_DEADLINE_NOT_PASSED.refuse("the period may be locked after its acceptance "
                    + "deadline " + period.acceptanceDeadline() + " has passed");
        }
        Instant now = Instant.now(clock);
        Transactions.run(database.source(), c -> {
            Period held = periods.find(c, period.id(), true);
            Returns.refuseIfLocked(held);
            periods.setStatus(c, period.id(), PeriodStatus.LOCKED, actor.name(), null, now);
            for (Row row : ledger.lockAllIn(c, period.id(), List.of(ReturnStatus.ACCEPTED))) {
                ledger.change(c, period, row, ReturnStatus.LOCKED, row.signatureId(), ledger.signedDigest(c, row.signatureId()),
                        actor, "period locked", now);
            }
            return null;
        });
        return periods.get(periodId);
    }

    /** The ministry reopens a LOCKED period, with a reason: its LOCKED returns are ACCEPTED again. */
    public Period reopen(String periodId, String reason, Actor actor) {
        Period period = periods.find(periodId);
        if (reason == null || reason.isBlank() || reason.length() > 2000) {
            throw new ValidationException(List.of(new FieldError("reason", "why the period is reopened: 1 to 2000 "
                    + "characters")));
        }
        if (!period.isLocked()) {
            throw WorkflowRefusal.PERIOD_NOT_LOCKED.refuse("the period is " + period.status() + "; only a LOCKED period "
                    + "is reopened");
        }
        Instant now = Instant.now(clock);
        Transactions.run(database.source(), c -> {
            if (!periods.find(c, period.id(), true).isLocked()) {
                throw WorkflowRefusal.PERIOD_NOT_LOCKED.refuse("the period was reopened meanwhile");
            }
            periods.setStatus(c, period.id(), PeriodStatus.OPEN, actor.name(), reason.strip(), now);
            for (Row row : ledger.lockAllIn(c, period.id(), List.of(ReturnStatus.LOCKED))) {
                ledger.change(c, period, row, ReturnStatus.ACCEPTED, row.signatureId(),
                        ledger.signedDigest(c, row.signatureId()), actor, "period reopened: " + reason.strip(), now);
            }
            return null;
        });
        return periods.get(periodId);
    }
}
