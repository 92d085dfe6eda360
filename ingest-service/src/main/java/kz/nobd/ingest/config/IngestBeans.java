package kz.nobd.ingest.config;

import java.time.Clock;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import kz.nobd.ingest.domain.Pseudonymizer;

/** Beans built from configuration. */
public class IngestBeans {
    @Produces
    @ApplicationScoped
    Pseudonymizer pseudonymizer(IngestConfig config) {
        return new Pseudonymizer(config.pseudonymKey());
    }

    /** "Today" for date checks is the date in Almaty. */
    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.system(ZoneId.of("Asia/Almaty"));
    }
}
