package kz.nobd.ingest.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Typed configuration of ingest-service (prefix {@code nobd.ingest}). */
@ConfigMapping(prefix = "nobd.ingest")
public interface IngestConfig {

    /** Key of the IIN pseudonym (HMAC-SHA256). Never committed: NOBD_PSEUDONYM_KEY. */
    String pseudonymKey();

    /** Most events in one REST batch. */
    @WithDefault("5000")
    int maxBatchEvents();

    /**
     * REST submissions handled at once (a 4 MiB batch is tens of MB while read and checked); another waits up to
     * {@link #submissionWait()}, then gets 503 with Retry-After.
     */
    @WithDefault("8")
    int maxConcurrentSubmissions();

    /** How long a REST submission waits for its turn. */
    @WithDefault("2s")
    java.time.Duration submissionWait();

    /** How long an event for a BIN the registry view has not seen is retried before UNKNOWN_SCHOOL. */
    @WithDefault("PT10M")
    Duration parkFor();

    /**
     * How often parked events are retried (read by {@code ParkedRecordRetrier}'s schedule). Declared here because
     * every property under {@code nobd.ingest} must belong to this mapping, or the service does not start.
     */
    @WithDefault("5s")
    Duration parkRetryInterval();

    /** How long the REST layer waits for Kafka to acknowledge a batch before answering 503. */
    @WithDefault("PT15S")
    Duration produceTimeout();

    /**
     * Consumer threads per input topic (each gets its share of the partitions). Updates of one student stay
     * serialised by the student's row lock whatever thread or partition an event arrives on.
     */
    @WithDefault("3")
    int consumerThreads();

    /** Most input records one consumer thread decides in one transaction (a batch is what the poll brings, up to this). */
    @WithDefault("1000")
    int maxPollRecords();

    /**
     * After a polled batch turned out not to be all new students and event ids, how many batches are decided with
     * the lookups straight away before assuming "all new" again (EnrolmentProcessor, docs/ingest.md).
     */
    @WithDefault("100")
    int lookupBatchesAfterMiss();
}
