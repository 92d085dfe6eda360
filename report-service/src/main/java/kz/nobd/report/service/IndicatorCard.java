package kz.nobd.report.service;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The headline indicators of one unit on a date: all its OPEN schools, the urban and the rural ones, and the
 * urban/rural gap (urban value minus rural value). As CSV: one line per segment.
 */
public record IndicatorCard(String level, String kato, String bin, String nameKk, String nameRu, LocalDate asOf,
        Map<String, Object> total, Map<String, Object> urban, Map<String, Object> rural, Map<String, Object> gap)
        implements CsvTable {

    public static final List<String> GAPS = List.of("studentsPerComputer", "connectedShare", "broadbandShare",
            "needsReplacementShare");

    @Override
    public List<String> csvColumns() {
        List<String> columns = new ArrayList<>(List.of("level", "kato", "bin", "nameKk", "nameRu", "asOf", "segment"));
        columns.addAll(total.keySet());
        return columns;
    }

    @Override
    public List<Map<String, Object>> csvRows() {
        return List.of(line("total", total), line("urban", urban), line("rural", rural), line("gap", gap));
    }

    private Map<String, Object> line(String segment, Map<String, Object> values) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("level", level);
        row.put("kato", kato);
        row.put("bin", bin);
        row.put("nameKk", nameKk);
        row.put("nameRu", nameRu);
        row.put("asOf", asOf);
        row.put("segment", segment);
        row.putAll(values);
        return row;
    }
}
