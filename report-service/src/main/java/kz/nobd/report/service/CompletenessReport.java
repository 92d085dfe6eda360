package kz.nobd.report.service;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/** The completeness of one kind (docs/api.md, "report-service (:8083)"); as CSV, the schools that did not report. */
public record CompletenessReport(String kind, String kato, LocalDate since, LocalDate asOf, int expected, int reported,
        int notReported, BigDecimal rate, List<Map<String, Object>> missing) implements CsvTable {

    @Override
    public List<String> csvColumns() {
        return Completeness.COLUMNS;
    }

    @Override
    public List<Map<String, Object>> csvRows() {
        return missing;
    }
}
