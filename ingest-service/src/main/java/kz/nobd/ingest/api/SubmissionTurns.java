package kz.nobd.ingest.api;

import java.util.function.Supplier;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import kz.nobd.ingest.config.IngestConfig;
import kz.nobd.support.Turns;

/**
 * REST submissions at once: at most {@code nobd.ingest.max-concurrent-submissions} are read, checked and published
 * together; another waits up to {@code submission-wait}, then gets 503 with Retry-After (counted in
 * nobd.ingest.submissions.rejected). Each holds its batch (up to 4 MiB of JSON, tens of MB as a tree) in memory:
 * unbounded, a crowd of submitters would exhaust the heap.
 */
@ApplicationScoped
public class SubmissionTurns {
    @Inject
    IngestConfig config;
    @Inject
    MeterRegistry meters;

    private Turns turns;

    @PostConstruct
    void init() {
        Counter rejected = Counter.builder("nobd.ingest.submissions.rejected")
                .description("REST submissions refused with 503 because as many were being handled as allowed")
                .register(meters);
        int max = config.maxConcurrentSubmissions();
        turns = new Turns(max, config.submissionWait(), "as many submissions as allowed at once (" + max
                + ") are being handled; send the same batch again later (event ids make the retry safe)",
                rejected::increment);
    }

    public <T> T inTurn(Supplier<T> submission) {
        return turns.run(submission);
    }
}
