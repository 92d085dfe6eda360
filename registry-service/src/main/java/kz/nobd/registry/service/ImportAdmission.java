package kz.nobd.registry.service;

import java.util.concurrent.Semaphore;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import kz.nobd.registry.config.RegistryConfig;
import kz.nobd.support.ServiceBusyException;

/**
 * How many CSV import jobs one replica holds (running or queued): at most {@code nobd.registry.import.max-concurrent}
 * + {@code max-queued}. A job holds its parsed file (up to 10 MB of CSV) in memory until it ends; a file beyond the
 * bound is refused at once with 503 and Retry-After (counted in nobd.registry.import.rejected), nothing stored.
 */
@ApplicationScoped
public class ImportAdmission {
    @Inject
    RegistryConfig config;
    @Inject
    MeterRegistry meters;

    private Semaphore places;
    private Counter rejected;
    private int capacity;

    @PostConstruct
    void init() {
        capacity = config.csvImport().maxConcurrent() + config.csvImport().maxQueued();
        places = new Semaphore(capacity);
        rejected = Counter.builder("nobd.registry.import.rejected")
                .description("CSV imports refused with 503 because as many were running or queued as allowed")
                .register(meters);
    }

    /** Takes a place for one job, or refuses the import (503) when every place is taken. */
    public void admit() {
        if (!places.tryAcquire()) {
            rejected.increment();
            throw new ServiceBusyException("as many CSV imports as allowed (" + capacity + ", running or queued) are"
                    + " in progress; send the file again later");
        }
    }

    /** Gives back the place of a job that ended (or was never started). */
    public void release() {
        places.release();
    }

    public int capacity() {
        return capacity;
    }
}
