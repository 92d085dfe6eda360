package kz.nobd.report.service;

import java.util.List;
import java.util.Map;

/** A result that can be written as CSV: a header of {@link #csvColumns()}, then one line per row. */
public interface CsvTable {
    List<String> csvColumns();

    List<Map<String, Object>> csvRows();
}
