package kz.nobd.registry.api;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;

import kz.nobd.registry.domain.ImportJob;

/**
 * A CSV import job as GET /institutions/import-jobs/{id} shows it: state, progress ({@code processed} of
 * {@code received} rows decided), counts, and once DONE the per-row report {@code rows}
 * ({@code [{line, bin, outcome, errors}]}); {@code failure} says why a FAILED job stopped.
 */
public record ImportJobView(UUID id, String status, boolean dryRun, String submittedBy, Instant submittedAt,
        Instant finishedAt, int received, int processed, int created, int updated, int unchanged, int rejected,
        String failure, @JsonRawValue String rows) {

    static ImportJobView of(ImportJob job) {
        return new ImportJobView(job.id, job.status.name(), job.dryRun, job.submittedBy, job.submittedAt,
                job.finishedAt, job.received, job.processed, job.created, job.updated, job.unchanged, job.rejected,
                job.failure, job.rows);
    }
}
