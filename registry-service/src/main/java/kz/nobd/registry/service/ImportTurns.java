package kz.nobd.registry.service;

import java.util.function.Supplier;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import kz.nobd.registry.config.RegistryConfig;
import kz.nobd.support.Turns;

/**
 * CSV imports at once: at most {@code nobd.registry.import.max-concurrent} (reading the file and writing its rows);
 * another waits up to {@code max-wait}, then gets 503 with Retry-After (counted in nobd.registry.import.rejected).
 * An import holds up to 10 MB of CSV and writes thousands of rows: unbounded, a few of them exhaust memory and the
 * connection pool for everyone.
 */
@ApplicationScoped
public class ImportTurns {
    @Inject
    RegistryConfig config;
    @Inject
    MeterRegistry meters;

    private Turns turns;

    @PostConstruct
    void init() {
        Counter rejected = Counter.builder("nobd.registry.import.rejected")
                .description("CSV imports refused with 503 because as many were running as allowed").register(meters);
        int max = config.csvImport().maxConcurrent();
        turns = new Turns(max, config.csvImport().maxWait(), "as many CSV imports as allowed at once (" + max
                + ") are running; send the file again later", rejected::increment);
    }

    public <T> T inTurn(Supplier<T> importing) {
        return turns.run(importing);
    }
}
