package kz.nobd.support;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.regex.Pattern;

/**
 * How every CSV export of the services is written, in one of two profiles:
 * <ul>
 * <li>{@link Profile#RFC4180} for machines: UTF-8 without BOM, comma, CRLF, a header of the JSON field names.</li>
 * <li>{@link Profile#EXCEL} for people opening the file in Excel as used in Kazakhstan: a UTF-8 byte order mark (so
 * that Kazakh and Russian letters are read as UTF-8), semicolons (the list separator of the kk and ru locales),
 * CRLF, a header in the reader's language ({@code csv-labels_kk/ru.properties} of the service), and identifier
 * columns (BIN, KATO: {@code bin}, {@code kato} or a name ending in {@code Bin}/{@code Kato}) written as
 * {@code ="010540000010"}, which Excel keeps as text with its leading zero, and fractions with a decimal
 * comma.</li>
 * </ul>
 * In both, a text cell that would start a formula is neutralised ({@link SpreadsheetCells}); the identifier cells
 * above are formulas the service writes itself, only around a value that is digits only.
 */
public final class CsvFormat {
    public static final String MEDIA_TYPE = "text/csv;charset=UTF-8";
    private static final Pattern DIGITS = Pattern.compile("\\d{1,12}");

    public enum Profile {
        RFC4180, EXCEL
    }

    private final Profile profile;
    private final ResourceBundle labels;
    private final char separator;

    private CsvFormat(Profile profile, ResourceBundle labels) {
        this.profile = profile;
        this.labels = labels;
        this.separator = profile == Profile.EXCEL ? ';' : ',';
    }

    public static CsvFormat rfc4180() {
        return new CsvFormat(Profile.RFC4180, null);
    }

    /** The Excel profile with the header labels of {@code bundle} (e.g. "csv-labels") in {@code language}. */
    public static CsvFormat excel(String bundle, Locale language) {
        return new CsvFormat(Profile.EXCEL, ResourceBundle.getBundle(bundle, language,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
    }

    public Profile profile() {
        return profile;
    }

    /** The header and the rows ({@code rows}' values in {@code columns}' order; null is an empty cell). */
    public void write(Writer out, List<String> columns, Iterable<? extends List<?>> rows) throws IOException {
        if (profile == Profile.EXCEL) {
            out.write('\uFEFF');
        }
        for (int i = 0; i < columns.size(); i++) {
            separate(out, i);
            out.write(quoted(header(columns.get(i))));
        }
        out.write("\r\n");
        for (List<?> row : rows) {
            for (int i = 0; i < columns.size(); i++) {
                separate(out, i);
                out.write(cell(columns.get(i), row.get(i)));
            }
            out.write("\r\n");
        }
        out.flush();
    }

    /** The header of {@code column}: its name, or in the Excel profile its label (the name if it has none). */
    public String header(String column) {
        if (labels == null) {
            return column;
        }
        try {
            return labels.getString(column);
        } catch (MissingResourceException e) {
            return column;
        }
    }

    /** Whether the Excel profile's labels name {@code column} (tests: no export leaves a column unlabelled). */
    public boolean labels(String column) {
        return labels != null && labels.containsKey(column);
    }

    String cell(String column, Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof String text) {
            if (profile == Profile.EXCEL && identifier(column) && DIGITS.matcher(text).matches()) {
                return quoted("=\"" + text + "\"");
            }
            return quoted(SpreadsheetCells.neutralise(text));
        }
        if (profile == Profile.EXCEL && (value instanceof java.math.BigDecimal || value instanceof Double
                || value instanceof Float)) {
            return value.toString().replace('.', ','); // the decimal comma of the kk and ru locales
        }
        return quoted(value.toString());
    }

    private void separate(Writer out, int index) throws IOException {
        if (index > 0) {
            out.write(separator);
        }
    }

    private String quoted(String s) {
        if (s.indexOf(separator) >= 0 || s.indexOf('"') >= 0 || s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            return '"' + s.replace("\"", "\"\"") + '"';
        }
        return s;
    }

    private static boolean identifier(String column) {
        return column.equals("bin") || column.equals("kato") || column.endsWith("Bin") || column.endsWith("Kato");
    }
}
