package kz.nobd.report.service;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** A rollup (docs/api.md, "Lists"): the rows of one page; CSV columns are the rows' field names, in order. */
public record RollupTable(String level, LocalDate asOf, List<String> by, List<Map<String, Object>> rows, int page,
        int size, long total, @JsonIgnore List<String> columns) implements CsvTable {

    @Override
    public List<String> csvColumns() {
        return columns;
    }

    @Override
    public List<Map<String, Object>> csvRows() {
        return rows;
    }
}
