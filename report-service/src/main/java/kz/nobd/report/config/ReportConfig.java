package kz.nobd.report.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Typed configuration of report-service (prefix {@code nobd.report}). */
@ConfigMapping(prefix = "nobd.report")
public interface ReportConfig {

    /** For report-consumer, every count from 1 to this number is suppressed (with complementary suppression). */
    @WithDefault("4")
    int smallCellMax();

    /**
     * How long an answer may be served after the data behind it changed before it is recomputed (in the
     * background). Visibility of a fact = its batch's commit plus at most this plus one recomputation.
     */
    @WithDefault("2s")
    java.time.Duration cacheMaxAge();

    /**
     * Months whose first day's counts are kept in memory (about 5 MB each for 7,700 schools): a past date within
     * them is its month's counts plus at most a month of deltas. 0 keeps none (every past date sums its deltas).
     */
    @WithDefault("24")
    int checkpointMonths();

    /**
     * This replica's id: its tables and stored offsets are schema {@code replica_<id>} (also set in
     * {@code quarkus.flyway.schemas} and the connections' {@code currentSchema}). A restart with the same id resumes
     * from its snapshot; a new id rebuilds from offset 0.
     */
    @WithDefault("0")
    int replica();

    /** Most fact records one poll hands to one database transaction. */
    @WithDefault("20000")
    int maxPollRecords();

    /** A read of the daily deltas for an answer is ended by the database after this long (503 to the caller). */
    @WithDefault("30s")
    java.time.Duration queryTimeout();

    /** Rows of answers the cache keeps (a SCHOOL page holds up to 500): past it the cache starts again empty. */
    @WithDefault("100000")
    int cacheMaxRows();

    /** Sign-off (docs/signoff.md). */
    Signoff signoff();

    interface Signoff {
        /**
         * How often the returns signed in open periods are compared with the figures of today: a return whose
         * figures changed since it was signed goes back to DRAFT.
         */
        @WithDefault("30s")
        java.time.Duration recheckInterval();

        /** Most schools one bulk acceptance or return names. */
        @WithDefault("1000")
        int maxBulk();
    }

    /** The bound on heavy queries (docs/report.md, "Heavy queries"). */
    HeavyQueries heavyQueries();

    interface HeavyQueries {
        /** Heavy queries computed at the same time; more wait up to {@link #maxWait()}, then get 503. */
        @WithDefault("2")
        int maxConcurrent();

        /** How long a heavy query waits for its turn before it is refused (503 with Retry-After). */
        @WithDefault("1s")
        java.time.Duration maxWait();
    }
}
