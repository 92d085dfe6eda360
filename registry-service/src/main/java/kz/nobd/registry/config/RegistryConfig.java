package kz.nobd.registry.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** Typed configuration of registry-service (prefix {@code nobd.registry}). */
@ConfigMapping(prefix = "nobd.registry")
public interface RegistryConfig {

    Outbox outbox();

    @WithName("import")
    Import csvImport();

    Accounts accounts();

    Limits limits();

    @WithName("card-cache")
    CacheLimits cardCache();

    interface Outbox {
        /** How often the relay looks for unpublished changes (also used in the @Scheduled expression). */
        @WithDefault("1s")
        String pollInterval();

        /** Messages published per relay transaction. */
        @WithDefault("500")
        int batchSize();

        /** How long the relay waits for Kafka to acknowledge a batch before it rolls back and retries. */
        @WithDefault("30s")
        Duration sendTimeout();
    }

    interface Import {
        /** Most data rows one CSV may carry. */
        @WithDefault("25000")
        int maxRows();

        /** Valid rows written per transaction (set-based, in JDBC batches); a failing chunk is retried row by row. */
        @WithDefault("1000")
        int chunkSize();

        /** CSV import jobs running at once on one replica. */
        @WithDefault("2")
        int maxConcurrent();

        /** Jobs waiting for a runner on one replica; a file beyond running + queued gets 503 at once. */
        @WithDefault("2")
        int maxQueued();

        /** How often the replica running a job says so (heartbeat_at). */
        @WithDefault("10s")
        String heartbeat();

        /** A job whose heartbeat is older than this is reported FAILED: the replica running it stopped. */
        @WithDefault("60s")
        Duration staleAfter();
    }

    interface Accounts {
        /** Keycloak realm in which school accounts are created. */
        @WithDefault("nobd")
        String realm();

        @WithDefault("school-")
        String usernamePrefix();

        @WithDefault("16")
        int temporaryPasswordLength();
    }

    interface CacheLimits {
        /** Most cards one replica keeps in memory for GET by BIN (about 1.5 KB each); others are read each time. */
        @WithDefault("100000")
        int maxCards();
    }

    interface Limits {
        /** Largest JSON body accepted (bytes); larger gets 413. */
        @WithDefault("262144")
        long maxJsonBytes();

        /** Largest CSV import accepted (bytes); larger gets 413. */
        @WithDefault("10485760")
        long maxCsvBytes();
    }
}
