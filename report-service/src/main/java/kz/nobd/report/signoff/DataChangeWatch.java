package kz.nobd.report.signoff;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;
import kz.nobd.report.messaging.ViewsCaughtUp;

/**
 * Every {@code nobd.report.signoff.recheck-interval}, the returns signed in OPEN periods are compared with today's
 * figures ({@link Returns#revertChanged}): a late event for a census date sends its school's return back to DRAFT.
 * One replica at a time does it (a session advisory lock), and only once its views have caught up.
 */
@ApplicationScoped
public class DataChangeWatch {
    private static final Logger LOG = Logger.getLogger(DataChangeWatch.class);

    @Inject
    Periods periods;
    @Inject
    Returns returns;
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
                int n = returns.revertChanged(period);
                if (n > 0) {
                    LOG.infof("period %s: %d signed return(s) went back to DRAFT, their figures changed", period.id(), n);
                }
                moved += n;
            }
        }
        return moved;
    }

    private static boolean tryLock(Connection c, String function) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT " + function + "(hashtext('nobd.signoff.recheck'))");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() && rs.getBoolean(1);
        }
    }
}
