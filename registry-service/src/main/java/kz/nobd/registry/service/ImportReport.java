package kz.nobd.registry.service;

import java.util.List;

import kz.nobd.support.FieldError;

/** The outcome of a CSV import: counts, and one result per data row. */
public record ImportReport(int received, long created, long updated, long unchanged, long rejected,
        List<RowResult> rows) {

    public enum Outcome {
        CREATED, UPDATED, UNCHANGED, REJECTED
    }

    public record RowResult(int line, String bin, Outcome outcome, List<FieldError> errors) {
    }

    static ImportReport of(List<RowResult> rows) {
        return new ImportReport(rows.size(), count(rows, Outcome.CREATED), count(rows, Outcome.UPDATED),
                count(rows, Outcome.UNCHANGED), count(rows, Outcome.REJECTED), rows);
    }

    private static long count(List<RowResult> rows, Outcome outcome) {
        return rows.stream().filter(r -> r.outcome() == outcome).count();
    }
}
