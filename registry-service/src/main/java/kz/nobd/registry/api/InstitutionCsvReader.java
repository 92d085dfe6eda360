package kz.nobd.registry.api;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;

import kz.nobd.support.FieldError;
import kz.nobd.registry.domain.InstitutionDraft;
import kz.nobd.registry.service.ImportRow;
import kz.nobd.support.ValidationException;

/**
 * Reads the import CSV (header row of card field names, languages separated by {@code ;}). A file whose
 * structure is broken (unknown or missing columns, an unterminated quote, too many rows) is refused as a whole; a
 * row with the wrong number of fields is that row's error, and wrong values are left to the per-row validation.
 */
public final class InstitutionCsvReader {
    static final List<String> REQUIRED = List.of("bin", "nameKk", "nameRu", "type", "ownership", "kato", "languages",
            "openedOn");
    static final List<String> OPTIONAL = List.of("locality", "capacity", "shifts", "address", "phone", "email");
    private static final CsvMapper MAPPER = CsvMapper.builder().enable(CsvParser.Feature.WRAP_AS_ARRAY).build();

    private InstitutionCsvReader() {
    }

    public static List<ImportRow> read(String csv, int maxRows) {
        if (csv == null || csv.isBlank()) {
            throw invalid("the CSV is empty; the first row must be the header " + String.join(",", REQUIRED));
        }
        List<ImportRow> rows = new ArrayList<>();
        try (MappingIterator<String[]> lines = MAPPER.readerFor(String[].class).readValues(csv)) {
            Map<String, Integer> header = header(lines.next());
            while (lines.hasNextValue()) {
                // the row's start token sits at the end of the previous record: the row begins on the next line
                int line = lines.getParser().currentTokenLocation().getLineNr() + 1;
                String[] cells = lines.nextValue();
                if (cells.length == 1 && cells[0].isBlank()) {
                    continue;
                }
                if (rows.size() == maxRows) {
                    throw invalid("the CSV has more than " + maxRows + " rows; split it into several imports");
                }
                rows.add(cells.length == header.size() ? new ImportRow(line, draft(header, cells))
                        : ImportRow.unreadable(line, "line " + line + " has " + cells.length + " fields, the header has "
                                + header.size() + "; quote values that contain commas"));
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ValidationException v) {
                throw v;
            }
            throw invalid("the CSV is malformed: " + e.getMessage().lines().findFirst().orElse("unreadable"));
        }
        return rows;
    }

    private static Map<String, Integer> header(String[] names) {
        Map<String, Integer> header = new HashMap<>();
        Set<String> allowed = new java.util.HashSet<>(REQUIRED);
        allowed.addAll(OPTIONAL);
        for (int i = 0; i < names.length; i++) {
            String name = names[i].strip().replace("\uFEFF", "");
            if (!allowed.contains(name)) {
                throw invalid("unknown column '" + name + "'; allowed columns are " + String.join(",", REQUIRED) + ","
                        + String.join(",", OPTIONAL));
            }
            if (header.put(name, i) != null) {
                throw invalid("column '" + name + "' appears twice in the header");
            }
        }
        List<String> missing = REQUIRED.stream().filter(c -> !header.containsKey(c)).toList();
        if (!missing.isEmpty()) {
            throw invalid("the header lacks the required columns " + String.join(",", missing));
        }
        return header;
    }

    private static InstitutionDraft draft(Map<String, Integer> header, String[] cells) {
        String languages = cell(header, cells, "languages");
        return new InstitutionDraft(cell(header, cells, "bin"), cell(header, cells, "nameKk"),
                cell(header, cells, "nameRu"), cell(header, cells, "type"), cell(header, cells, "ownership"),
                cell(header, cells, "kato"), cell(header, cells, "locality"),
                languages == null ? List.of() : Arrays.stream(languages.split(";")).map(String::strip).toList(),
                cell(header, cells, "capacity"), cell(header, cells, "shifts"), cell(header, cells, "address"),
                cell(header, cells, "phone"), cell(header, cells, "email"), cell(header, cells, "openedOn"));
    }

    private static String cell(Map<String, Integer> header, String[] cells, String column) {
        Integer index = header.get(column);
        if (index == null) {
            return null;
        }
        String value = cells[index].strip();
        return value.isEmpty() ? null : value;
    }

    private static ValidationException invalid(String detail) {
        return new ValidationException(detail, List.of(new FieldError("csv", detail)));
    }
}
