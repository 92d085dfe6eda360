package kz.nobd.registry.service;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import kz.nobd.contracts.Digits;
import kz.nobd.registry.config.RegistryConfig;
import kz.nobd.registry.domain.InstitutionValidator;
import kz.nobd.registry.domain.Territory;
import kz.nobd.registry.repository.InstitutionRepository;
import kz.nobd.registry.repository.TerritoryRepository;
import kz.nobd.registry.service.ImportChunkWriter.ValidRow;
import kz.nobd.registry.service.ImportReport.Outcome;
import kz.nobd.registry.service.ImportReport.RowResult;
import kz.nobd.support.FieldError;
import kz.nobd.support.Outages;

/**
 * Bulk upsert from CSV (run by {@link ImportJobs} after the request). Every row is validated first (the KATO units
 * the file names are read in one go); valid rows are written in chunks, one transaction per chunk (history and
 * outbox included, set-based: {@link ImportChunkWriter}); a chunk that fails is retried row by row so that one bad
 * row cannot take its neighbours down. When the new cards outgrow what the planner believes the table holds, the
 * table is analyzed between chunks. Valid rows land even if others are rejected. A dry run does exactly the same
 * and rolls every transaction back: its report says what the import would do.
 */
@ApplicationScoped
public class InstitutionImportService {
    private static final Logger LOG = Logger.getLogger(InstitutionImportService.class);

    @Inject
    InstitutionService institutions;
    @Inject
    TerritoryRepository territories;
    @Inject
    InstitutionRepository cards;
    @Inject
    ImportChunkWriter writer;
    @Inject
    RegistryConfig config;

    /** Imports {@code rows} as {@code actor}; {@code progress} is told how many rows are decided so far. */
    public ImportReport importRows(List<ImportRow> rows, Actor actor, boolean dryRun, IntConsumer progress) {
        InstitutionValidator validator = validatorFor(rows);
        List<RowResult> results = new ArrayList<>();
        List<ValidRow> valid = new ArrayList<>();
        for (ImportRow row : rows) {
            if (row.problem() != null) {
                results.add(new RowResult(row.line(), null, Outcome.REJECTED, List.of(new FieldError("csv",
                        row.problem()))));
                continue;
            }
            List<FieldError> errors = new ArrayList<>(validator.checkBin(row.draft().bin()));
            InstitutionValidator.Result result = validator.validate(row.draft());
            errors.addAll(result.errors());
            if (result.valid() && !actor.canEditIn(result.fields().territory().oblastKato)) {
                errors.add(new FieldError("kato", "KATO " + result.fields().territory().kato
                        + " is outside your oblast; you may import institutions only of your own oblast"));
            }
            if (errors.isEmpty()) {
                valid.add(new ValidRow(row, result.fields()));
            } else {
                results.add(new RowResult(row.line(), row.draft().bin(), Outcome.REJECTED, errors));
            }
        }
        progress.accept(results.size());
        int chunkSize = config.csvImport().chunkSize();
        long createdSinceAnalyze = 0;
        for (int from = 0; from < valid.size(); from += chunkSize) {
            List<ValidRow> chunk = valid.subList(from, Math.min(valid.size(), from + chunkSize));
            List<RowResult> written = writeChunk(chunk, actor, dryRun);
            results.addAll(written);
            createdSinceAnalyze += written.stream().filter(row -> row.outcome() == Outcome.CREATED).count();
            boolean more = from + chunkSize < valid.size(); // after the last chunk autovacuum's analysis will do
            if (!dryRun && more && outgrewStatistics(createdSinceAnalyze)) {
                createdSinceAnalyze = 0;
            }
            progress.accept(results.size());
        }
        results.sort(Comparator.comparingInt(RowResult::line));
        return ImportReport.of(results);
    }

    /** The validator with the KATO units of the whole file read in a few queries instead of one per row. */
    private InstitutionValidator validatorFor(List<ImportRow> rows) {
        Set<String> codes = rows.stream().filter(row -> row.draft() != null && row.draft().kato() != null)
                .map(row -> row.draft().kato().strip()).filter(code -> Digits.exactly(code, 9))
                .collect(Collectors.toSet());
        Map<String, Territory> known = territories.byCodes(codes);
        return institutions.validator(code -> Optional.ofNullable(known.get(code)));
    }

    /**
     * Analyzes the cards once this job's new cards since its last analysis are at least as many as the planner
     * believes the table holds (so at most a few times per file, the table doubling each time), before the job's next
     * chunk (not after its last: the job would wait for an analysis only later writers need, 0.3-0.45 s of a fresh
     * import's 20,000 cards, and autovacuum analyzes a table that grew that much); true when it did.
     * Without it, an import into a registry that was analyzed empty (a fresh one after a dry run, whose rolled-back
     * rows autovacuum removed) checks each new history row's card by scanning the whole table: 20,000 rows took
     * 8.9 s of PostgreSQL's time.
     */
    private boolean outgrewStatistics(long created) {
        if (created == 0) {
            return false;
        }
        try {
            return QuarkusTransaction.requiringNew().call(() -> {
                if (!outgrows(created, cards.plannedCards())) {
                    return false;
                }
                cards.analyze();
                return true;
            });
        } catch (RuntimeException e) {
            LOG.debugf("statistics of the cards not refreshed: %s", e.getMessage());
            return false;
        }
    }

    /** Whether {@code created} new cards make the planner's belief ({@code planned} cards) worth refreshing. */
    static boolean outgrows(long created, double planned) {
        return created > 0 && created >= planned;
    }

    private List<RowResult> writeChunk(List<ValidRow> chunk, Actor actor, boolean dryRun) {
        try {
            return inTransaction(dryRun, () -> writer.write(chunk, actor));
        } catch (RuntimeException chunkFailure) {
            LOG.debugf("import chunk failed (%s), retrying its rows one by one", chunkFailure.getMessage());
            List<RowResult> results = new ArrayList<>();
            for (ValidRow row : chunk) {
                try {
                    results.addAll(inTransaction(dryRun, () -> writer.write(List.of(row), actor)));
                } catch (RuntimeException rowFailure) {
                    if (Outages.describe(rowFailure).isPresent()) {
                        throw rowFailure; // the database is gone: 503 for the import, not a rejected row each
                    }
                    // the database's own message is logged, never shown: it may quote values or the schema
                    LOG.warnf(rowFailure, "import line %d could not be stored", row.row().line());
                    results.add(new RowResult(row.row().line(), row.row().draft().bin(), Outcome.REJECTED,
                            List.of(new FieldError("bin", "the row could not be stored (refused by the database);"
                                    + " nothing of it was written; check its values or send it again"))));
                }
            }
            return results;
        }
    }

    /** {@code work} in a transaction of its own, rolled back instead of committed in a dry run. */
    @SuppressWarnings("unchecked")
    private static <T> T inTransaction(boolean dryRun, Callable<T> work) {
        if (!dryRun) {
            return QuarkusTransaction.requiringNew().call(work);
        }
        try {
            QuarkusTransaction.requiringNew().call(() -> {
                throw new DryRunOutcome(work.call()); // leaving by an exception rolls the transaction back
            });
            throw new IllegalStateException("a dry run's transaction ended without its outcome");
        } catch (DryRunOutcome outcome) {
            return (T) outcome.result;
        }
    }

    /** Carries a dry run's result out of the transaction it rolls back. */
    private static final class DryRunOutcome extends RuntimeException {
        private final transient Object result;

        DryRunOutcome(Object result) {
            super(null, null, false, false);
            this.result = result;
        }
    }
}
