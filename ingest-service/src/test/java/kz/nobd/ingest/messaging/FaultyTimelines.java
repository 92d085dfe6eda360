package kz.nobd.ingest.messaging;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.quarkus.arc.Arc;
import kz.nobd.ingest.store.StudentSet;
import kz.nobd.ingest.store.StudentStateJson;
import kz.nobd.ingest.store.StudentTimelines;

/**
 * Stands in for {@link StudentTimelines} (through QuarkusMock) and fails for chosen events only: a poison event
 * whose processing always throws a plain RuntimeException, and an event whose timeline write loses the database
 * connection (SQLState 08006) a given number of times. Every other event goes through the real code.
 */
final class FaultyTimelines extends StudentTimelines {
    private final UUID poison;
    private final UUID flaky;
    private final int losses;
    /** How often the poison event was tried, and how often the flaky one failed. */
    final AtomicInteger poisonAttempts = new AtomicInteger();
    final AtomicInteger connectionLosses = new AtomicInteger();

    private FaultyTimelines(UUID poison, UUID flaky, int losses) {
        super(Arc.container().instance(StudentStateJson.class).get());
        this.poison = poison;
        this.flaky = flaky;
        this.losses = losses;
    }

    static FaultyTimelines poisonedBy(String eventId) {
        return new FaultyTimelines(UUID.fromString(eventId), null, 0);
    }

    static FaultyTimelines losingTheConnectionAt(String eventId, int times) {
        return new FaultyTimelines(null, UUID.fromString(eventId), times);
    }

    @Override
    public void append(Connection c, List<StudentSet.Appended> entries) throws SQLException {
        List<UUID> ids = entries.stream().map(e -> e.entry().eventId()).toList();
        if (ids.contains(poison)) {
            poisonAttempts.incrementAndGet();
            throw new IllegalStateException("test: this event breaks the code that processes it");
        }
        if (ids.contains(flaky) && connectionLosses.getAndUpdate(n -> n < losses ? n + 1 : n) < losses) {
            throw new SQLException("test: An I/O error occurred while sending to the backend", "08006");
        }
        super.append(c, entries);
    }
}
