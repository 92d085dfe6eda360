package kz.nobd.ingest.messaging;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import kz.nobd.ingest.domain.EnrolmentEvent;
import kz.nobd.ingest.domain.TimelineEntry;
import kz.nobd.ingest.service.StudentTimelines;

/**
 * Stands in for {@link StudentTimelines} (through QuarkusMock) and fails for chosen events only: a poison event
 * whose processing always throws a plain RuntimeException, and an event whose timeline write loses the database
 * connection (SQLState 08006) once. Every other event goes through the real code.
 */
final class FaultyTimelines extends StudentTimelines {
    private final UUID poison;
    private final UUID flaky;
    /** How often the poison event was tried, and how often the flaky one failed. */
    final AtomicInteger poisonAttempts = new AtomicInteger();
    final AtomicInteger connectionLosses = new AtomicInteger();

    private FaultyTimelines(UUID poison, UUID flaky) {
        this.poison = poison;
        this.flaky = flaky;
    }

    static FaultyTimelines poisonedBy(String eventId) {
        return new FaultyTimelines(UUID.fromString(eventId), null);
    }

    static FaultyTimelines losingTheConnectionOnceAt(String eventId) {
        return new FaultyTimelines(null, UUID.fromString(eventId));
    }

    @Override
    public void lock(Connection c, EnrolmentEvent event) throws SQLException {
        if (event.eventId().equals(poison)) {
            poisonAttempts.incrementAndGet();
            throw new IllegalStateException("test: this event breaks the code that processes it");
        }
        super.lock(c, event);
    }

    @Override
    public void append(Connection c, String studentId, TimelineEntry entry, byte[] payloadHash) throws SQLException {
        if (entry.eventId().equals(flaky) && connectionLosses.compareAndSet(0, 1)) {
            throw new SQLException("test: An I/O error occurred while sending to the backend", "08006");
        }
        super.append(c, studentId, entry, payloadHash);
    }
}
