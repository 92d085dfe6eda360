package kz.nobd.registry.api;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import kz.nobd.contracts.InstitutionCard;
import kz.nobd.contracts.Language;
import kz.nobd.support.CsvFormat;

/**
 * Cards as CSV ({@link CsvFormat}: RFC 4180 for programs, or the Excel profile), card field names in card order,
 * languages joined by {@code ;}. Header labels of the Excel profile: {@code csv-labels_kk/ru.properties}.
 */
final class InstitutionCsvWriter {
    static final String LABELS = "csv-labels";
    static final List<String> COLUMNS = List.of("bin", "nameKk", "nameRu", "type", "ownership", "kato", "oblastKato",
            "districtKato", "locality", "languages", "capacity", "shifts", "address", "phone", "email", "status",
            "openedOn", "closedOn", "successorBin", "closureReason", "version", "validFrom", "updatedAt");

    private InstitutionCsvWriter() {
    }

    static String write(CsvFormat format, List<InstitutionCard> cards) {
        StringWriter out = new StringWriter();
        try {
            format.write(out, COLUMNS, cards.stream().map(InstitutionCsvWriter::row).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringWriter does not fail
        }
        return out.toString();
    }

    private static List<Object> row(InstitutionCard c) {
        return Arrays.asList(c.bin(), c.nameKk(), c.nameRu(), str(c.type()), str(c.ownership()), c.kato(),
                c.oblastKato(), c.districtKato(), str(c.locality()),
                c.languages().stream().map(Language::name).collect(Collectors.joining(";")), c.capacity(),
                c.shifts(), c.address(), c.phone(), c.email(), str(c.status()), str(c.openedOn()),
                str(c.closedOn()), c.successorBin(), c.closureReason(), c.version(), str(c.validFrom()),
                str(c.updatedAt()));
    }

    private static String str(Object value) {
        return value == null ? null : Objects.toString(value);
    }
}
