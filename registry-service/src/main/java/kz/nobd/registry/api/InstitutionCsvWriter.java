package kz.nobd.registry.api;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import kz.nobd.contracts.InstitutionCard;
import kz.nobd.contracts.Language;
import kz.nobd.support.SpreadsheetCells;

/**
 * Cards as CSV (UTF-8, header row, card field names in card order; languages joined by {@code ;}; lines end with
 * CRLF as RFC 4180 and report-service's CSV do); no cell can
 * start a spreadsheet formula ({@link SpreadsheetCells}).
 */
final class InstitutionCsvWriter {
    static final List<String> COLUMNS = List.of("bin", "nameKk", "nameRu", "type", "ownership", "kato", "oblastKato",
            "districtKato", "locality", "languages", "capacity", "shifts", "address", "phone", "email", "status",
            "openedOn", "closedOn", "successorBin", "closureReason", "version", "validFrom", "updatedAt");
    private static final CsvMapper MAPPER = new CsvMapper();

    private InstitutionCsvWriter() {
    }

    static String write(List<InstitutionCard> cards) {
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true).setLineSeparator("\r\n"); // RFC 4180, as report's
        COLUMNS.forEach(schema::addColumn);
        List<List<String>> rows = cards.stream().map(InstitutionCsvWriter::row)
                .map(row -> row.stream().map(SpreadsheetCells::neutralise).toList()).toList();
        try {
            return MAPPER.writer(schema.build()).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write CSV", e);
        }
    }

    private static List<String> row(InstitutionCard c) {
        return java.util.Arrays.asList(c.bin(), c.nameKk(), c.nameRu(), str(c.type()), str(c.ownership()), c.kato(),
                c.oblastKato(), c.districtKato(), str(c.locality()),
                c.languages().stream().map(Language::name).collect(Collectors.joining(";")), str(c.capacity()),
                str(c.shifts()), c.address(), c.phone(), c.email(), str(c.status()), str(c.openedOn()),
                str(c.closedOn()), c.successorBin(), c.closureReason(), str(c.version()), str(c.validFrom()),
                str(c.updatedAt()));
    }

    private static String str(Object value) {
        return Objects.toString(value, "");
    }
}
