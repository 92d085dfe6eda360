package kz.nobd.ingest.pipeline;

import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import kz.nobd.ingest.config.IngestConfig;

/**
 * Whether the next polled batch is first decided as if all its students and event ids were new, without looking
 * them up (a bulk load, the start of a school year): after a batch for which that was wrong, the next
 * {@code nobd.ingest.lookup-batches-after-miss} batches look up straight away, so a stream of known students
 * wastes one attempt in that many batches. Counted in {@code nobd_ingest_bulk_batches_total}, by outcome
 * ({@code committed}: decided without lookups; {@code missed}: decided again with them).
 */
@ApplicationScoped
public class LookupSkipping {
    private final AtomicInteger lookupBatchesLeft = new AtomicInteger();
    private final int afterMiss;
    private final Counter committed;
    private final Counter missed;

    @Inject
    public LookupSkipping(IngestConfig config, MeterRegistry meters) {
        this.afterMiss = config.lookupBatchesAfterMiss();
        this.committed = meters.counter("nobd.ingest.bulk.batches", "outcome", "committed");
        this.missed = meters.counter("nobd.ingest.bulk.batches", "outcome", "missed");
    }

    /** Whether to try the next batch without lookups (counts a batch that looks up). */
    public boolean worthTrying() {
        return lookupBatchesLeft.getAndUpdate(n -> Math.max(0, n - 1)) == 0;
    }

    /** A batch was decided without lookups. */
    public void committed() {
        committed.increment();
    }

    /** A batch was not all new. */
    public void missed() {
        missed.increment();
        lookupBatchesLeft.set(afterMiss);
    }
}
