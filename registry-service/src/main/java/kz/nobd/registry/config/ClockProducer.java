package kz.nobd.registry.config;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** The clock used for "today" and timestamps (Almaty time decides what "today" is for a clerk). */
public class ClockProducer {
    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.system(java.time.ZoneId.of("Asia/Almaty"));
    }
}
