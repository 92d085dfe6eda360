package kz.nobd.registry.config;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/**
 * The clock used for "today" and timestamps (Almaty time decides what "today" is for a clerk). It ticks in
 * microseconds, the precision PostgreSQL stores: a card's {@code updatedAt} as published and kept in its history is
 * the one its row holds (the system clock's nanoseconds were rounded away in the row only).
 */
public class ClockProducer {
    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.tick(Clock.system(ZoneId.of("Asia/Almaty")), Duration.ofNanos(1_000));
    }
}
