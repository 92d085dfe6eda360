package kz.nobd.report.signoff;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import kz.nobd.report.service.CsvTable;

/**
 * Where a period's returns stand (GET /completeness?period=): how many schools owe one, how many are in each
 * status, and every school with its status (CSV: that list).
 */
public record PeriodCompleteness(UUID period, String kind, String name, String kato, int expected,
        Map<String, Integer> byStatus, List<Map<String, Object>> returns) implements CsvTable {
    static final List<String> COLUMNS = List.of("bin", "kato", "districtKato", "oblastKato", "nameKk", "nameRu",
            "status", "changedAt");

    @Override
    public List<String> csvColumns() {
        return COLUMNS;
    }

    @Override
    public List<Map<String, Object>> csvRows() {
        return returns;
    }
}
