package kz.nobd.report.service;

import java.util.function.Supplier;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import kz.nobd.report.config.ReportConfig;
import kz.nobd.report.domain.Level;
import kz.nobd.support.Turns;

/**
 * The bound on heavy queries (docs/report.md, "Heavy queries"): at most {@code nobd.report.heavy-queries.max-concurrent}
 * are computed at once; another waits up to {@code max-wait} for its turn and is then refused with 503 and
 * Retry-After (counted in {@code nobd.report.heavy.rejected}). A rollup is heavy when it covers more than one school
 * and its level is SCHOOL or DISTRICT, or its date is not the date of today's counts in memory (then its counts are
 * read from the database); an indicator card only in the latter case. Answers already kept by the {@link ResultCache} are served without a turn.
 */
@ApplicationScoped
public class HeavyQueries {
    @Inject
    ReportConfig config;
    @Inject
    EnrolmentCube cube;
    @Inject
    MeterRegistry meters;

    private Turns turns;

    @PostConstruct
    void init() {
        Counter rejected = Counter.builder("nobd.report.heavy.rejected")
                .description("heavy report queries refused with 503 because the bound was reached").register(meters);
        turns = new Turns(config.heavyQueries().maxConcurrent(), config.heavyQueries().maxWait(),
                "the service is computing as many heavy queries (SCHOOL or DISTRICT level, or a past date, over more"
                        + " than one school) as it may at once (" + config.heavyQueries().maxConcurrent()
                        + "); retry later, or narrow the query with kato or bin",
                rejected::increment);
    }

    /** Whether a rollup is heavy: over more than one school, rows of schools or districts, or a past date. */
    public boolean isHeavy(RollupQuery q, Jurisdiction j) {
        return !oneSchool(q, j) && (q.level() == Level.SCHOOL || q.level() == Level.DISTRICT || !cube.holds(q.asOf()));
    }

    /** Whether an indicator card (one unit, one row) is heavy: over more than one school on a past date. */
    public boolean isHeavyCard(RollupQuery q, Jurisdiction j) {
        return !oneSchool(q, j) && !cube.holds(q.asOf());
    }

    private static boolean oneSchool(RollupQuery q, Jurisdiction j) {
        return q.bin() != null || j.bin() != null;
    }

    /** Computes {@code query} in its turn; 503 if no turn came within the wait. */
    public <T> T inTurn(Supplier<T> query) {
        return turns.run(query);
    }
}
