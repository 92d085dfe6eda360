package kz.nobd.registry.service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.IntConsumer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import kz.nobd.contracts.InstitutionStatus;
import kz.nobd.registry.config.RegistryConfig;
import kz.nobd.registry.domain.ChangeKind;
import kz.nobd.support.FieldError;
import kz.nobd.registry.domain.Institution;
import kz.nobd.registry.domain.InstitutionFields;
import kz.nobd.registry.domain.InstitutionValidator;
import kz.nobd.registry.repository.InstitutionRepository;
import kz.nobd.registry.service.ImportReport.Outcome;
import kz.nobd.registry.service.ImportReport.RowResult;
import kz.nobd.support.Outages;

/**
 * Bulk upsert from CSV (run by {@link ImportJobs} after the request). Every row is validated first; valid rows are
 * written in chunks, one transaction per chunk (history and outbox included); a chunk that fails is retried row by
 * row so that one bad row cannot take its neighbours down. Valid rows land even if others are rejected. A dry run
 * does exactly the same and rolls every transaction back: its report says what the import would do.
 */
@ApplicationScoped
public class InstitutionImportService {
    private static final Logger LOG = Logger.getLogger(InstitutionImportService.class);

    @Inject
    InstitutionRepository repository;
    @Inject
    InstitutionService institutions;
    @Inject
    InstitutionChangeRecorder recorder;
    @Inject
    RegistryConfig config;
    @Inject
    Clock clock;

    private record Checked(ImportRow row, InstitutionFields fields) {
    }

    /** Imports {@code rows} as {@code actor}; {@code progress} is told how many rows are decided so far. */
    public ImportReport importRows(List<ImportRow> rows, Actor actor, boolean dryRun, IntConsumer progress) {
        InstitutionValidator validator = institutions.validator();
        List<RowResult> results = new ArrayList<>();
        List<Checked> valid = new ArrayList<>();
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
                valid.add(new Checked(row, result.fields()));
            } else {
                results.add(new RowResult(row.line(), row.draft().bin(), Outcome.REJECTED, errors));
            }
        }
        progress.accept(results.size());
        int chunkSize = config.csvImport().chunkSize();
        for (int from = 0; from < valid.size(); from += chunkSize) {
            List<Checked> chunk = valid.subList(from, Math.min(valid.size(), from + chunkSize));
            results.addAll(writeChunk(chunk, actor, dryRun));
            progress.accept(results.size());
        }
        results.sort(Comparator.comparingInt(RowResult::line));
        return ImportReport.of(results);
    }

    private List<RowResult> writeChunk(List<Checked> chunk, Actor actor, boolean dryRun) {
        try {
            return inTransaction(dryRun, () -> chunk.stream().map(c -> upsert(c, actor)).toList());
        } catch (RuntimeException chunkFailure) {
            LOG.debugf("import chunk failed (%s), retrying its rows one by one", chunkFailure.getMessage());
            List<RowResult> results = new ArrayList<>();
            for (Checked checked : chunk) {
                try {
                    results.add(inTransaction(dryRun, () -> upsert(checked, actor)));
                } catch (RuntimeException rowFailure) {
                    if (Outages.describe(rowFailure).isPresent()) {
                        throw rowFailure; // the database is gone: 503 for the import, not a rejected row each
                    }
                    // the database's own message is logged, never shown: it may quote values or the schema
                    LOG.warnf(rowFailure, "import line %d could not be stored", checked.row().line());
                    results.add(new RowResult(checked.row().line(), checked.row().draft().bin(), Outcome.REJECTED,
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

    private RowResult upsert(Checked checked, Actor actor) {
        Editor editor = actor.editor();
        String bin = checked.row().draft().bin();
        int line = checked.row().line();
        Institution institution = repository.findById(bin, LockModeType.PESSIMISTIC_WRITE);
        if (institution == null) {
            institution = new Institution();
            institution.bin = bin;
            institution.apply(checked.fields());
            institution.status = InstitutionStatus.OPEN;
            institution.version = 1;
            institution.validFrom = checked.fields().openedOn();
            stamp(institution, editor);
            repository.persist(institution);
            recorder.record(institution, ChangeKind.IMPORTED_CREATE, editor);
            return new RowResult(line, bin, Outcome.CREATED, List.of());
        }
        if (!actor.canEditIn(institution.oblastKato)
                || (!actor.isMinistry() && !institution.oblastKato.equals(checked.fields().territory().oblastKato))) {
            return new RowResult(line, bin, Outcome.REJECTED, List.of(new FieldError("bin", "BIN " + bin
                    + " cannot be imported by you: it is registered outside your oblast, or the row moves it to"
                    + " another oblast, which only the ministry may do")));
        }
        if (!institution.apply(checked.fields())) {
            return new RowResult(line, bin, Outcome.UNCHANGED, List.of());
        }
        institution.version++;
        institution.validFrom = LocalDate.now(clock).isBefore(institution.validFrom) ? institution.validFrom
                : LocalDate.now(clock);
        stamp(institution, editor);
        recorder.record(institution, ChangeKind.IMPORTED_UPDATE, editor);
        return new RowResult(line, bin, Outcome.UPDATED, List.of());
    }

    private void stamp(Institution institution, Editor editor) {
        institution.updatedAt = Instant.now(clock);
        institution.updatedBy = editor.name();
    }
}
