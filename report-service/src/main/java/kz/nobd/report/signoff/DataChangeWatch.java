package kz.nobd.report.signoff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import kz.nobd.contracts.events.ReturnStatus;
import kz.nobd.report.messaging.Transactions;
import kz.nobd.report.signoff.ReturnRecords.Actor;
import kz.nobd.report.signoff.ReturnRecords.Row;
import kz.nobd.report.messaging.ViewsCaughtUp;

/**
 * Every {@code nobd.report.signoff.recheck-interval}, the returns signed in OPEN periods are compared with today's
 * figures ({@link #revertChanged}): a late event for a census date sends its school's return back to DRAFT.
 * One replica at a time does it (a session advisory lock), and only once its views have caught up.
 */
@ApplicationScoped
public class DataChangeWatch {
    private static final Logger LOG = Logger.getLogger(DataChangeWatch.class);

    @Inject
    Periods periods;
    @Inject
    ReturnLedger ledger;
    @Inject
    ReturnFigures figures;
    @Inject
    Clock clock;
    @Inject
    SignoffDatabase database;
    @Inject
    ViewsCaughtUp caughtUp;

    @Scheduled(every = "${nobd.report.signoff.recheck-interval:30s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void tick() {
        if (!caughtUp.all()) {
            return;
        }
        try (Connection c = database.source().getConnection()) {
            if (!tryLock(c, "pg_try_advisory_lock")) {
                return;
            }
            try {
                recheck();
            } finally {
                tryLock(c, "pg_advisory_unlock");
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("sign-off recheck failed, will retry: %s", e.getMessage());
        }
    }

    /** Rechecks every OPEN period; returns how many returns went back to DRAFT. */
    public int recheck() {
        int moved = 0;
        for (Period period : periods.list()) {
            if (!period.isLocked()) {
                int n = revertChanged(period);
                if (n > 0) {
                    LOG.infof("period %s: %d signed return(s) went back to DRAFT, their figures changed", period.id(), n);
                }
                moved += n;
            }
        }
        return moved;
    }

    /**
     * Moves back to DRAFT every SIGNED, ACCEPTED or RETURNED return of {@code period} whose figures today differ from
     * those signed (a late event for the census date); the signature stays on record. Returns how many moved.
     */
    public int revertChanged(Period period) {
        Map<String, Row> watched = Transactions.run(database.source(), c -> {
            Map<String, Row> rows = ledger.rows(c, period.id());
            rows.values().removeIf(r -> !Returns.WATCHED.contains(r.status()));
            return rows;
        });
        if (watched.isEmpty()) {
            return 0;
        }
        Map<String, ReturnContent> today = figures.contents(period, watched.keySet());
        Instant now = Instant.now(clock);
        return Transactions.run(database.source(), c -> {
            if (periods.find(c, period.id(), true).isLocked()) {
                return 0;
            }
            int moved = 0;
            for (String bin : new java.util.TreeSet<>(watched.keySet())) {
                Row row = ledger.lock(c, period.id(), bin, null);
                String signed = ledger.signedDigest(c, row.signatureId());
                if (!Returns.WATCHED.contains(row.status()) || signed == null || signed.equals(today.get(bin).digest())) {
                    continue;
                }
                ledger.change(c, period, row, ReturnStatus.DRAFT, null, signed, Actor.SYSTEM, Returns.DATA_CHANGED, now);
                moved++;
            }
            return moved;
        });
    }

    private static boolean tryLock(Connection c, String function) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + function + "(hashtext('nobd.signoff.recheck'))");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }
}
