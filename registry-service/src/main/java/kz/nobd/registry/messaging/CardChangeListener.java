package kz.nobd.registry.messaging;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import kz.nobd.registry.service.CardCache;

/**
 * Listens on PostgreSQL's channel {@code institution_changed} (migration V7) on a connection of its own, and makes
 * {@link CardCache} forget the cards each notice names. The connection is asked {@code SELECT 1} every
 * {@value #HEARTBEAT_SECONDS} s (answered within {@value #HEARTBEAT_SECONDS} s), so that a connection lost without a
 * word is noticed; while none listens the cache is off, and a new connection is tried every
 * {@value #RETRY_SECONDS} s.
 */
@ApplicationScoped
public class CardChangeListener {
    private static final Logger LOG = Logger.getLogger(CardChangeListener.class);
    static final String CHANNEL = "institution_changed";
    private static final int WAIT_MS = 500;
    private static final int HEARTBEAT_SECONDS = 5;
    private static final int RETRY_SECONDS = 2;

    @Inject
    DataSource dataSource;
    @Inject
    CardCache cache;

    private volatile boolean running;
    private Thread thread;

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "card-change-listener");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void run() {
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                listen(connection);
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("not listening for card changes (%s): cards are read from the database until a new "
                            + "connection listens", e.getMessage());
                }
            } finally {
                cache.deaf();
            }
            try {
                TimeUnit.SECONDS.sleep(RETRY_SECONDS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void listen(Connection connection) throws SQLException {
        connection.setAutoCommit(true);
        try (Statement listen = connection.createStatement()) {
            listen.execute("LISTEN " + CHANNEL);
        }
        PGConnection notices = connection.unwrap(PGConnection.class);
        cache.listening();
        LOG.info("listening for card changes: cards read by BIN are kept in memory");
        long nextHeartbeat = System.nanoTime() + TimeUnit.SECONDS.toNanos(HEARTBEAT_SECONDS);
        while (running) {
            PGNotification[] received = notices.getNotifications(WAIT_MS);
            if (received != null) {
                for (PGNotification notice : received) {
                    cache.forget(Arrays.asList(notice.getParameter().split(",")));
                }
            }
            if (System.nanoTime() - nextHeartbeat > 0) {
                try (Statement heartbeat = connection.createStatement()) {
                    heartbeat.setQueryTimeout(HEARTBEAT_SECONDS);
                    heartbeat.execute("SELECT 1");
                }
                nextHeartbeat = System.nanoTime() + TimeUnit.SECONDS.toNanos(HEARTBEAT_SECONDS);
            }
        }
    }
}
