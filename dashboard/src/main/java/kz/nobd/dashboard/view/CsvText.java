package kz.nobd.dashboard.view;

import java.util.List;

/**
 * The CSV of a table behind a chart: UTF-8, a header row, RFC 4180 quoting, CRLF, the numbers as the API wrote them
 * (the same as the page's {@code data-value}), a text cell that a spreadsheet would run as a formula (=, +, -, @,
 * tab, CR first) written with a leading apostrophe, as the APIs' CSV does.
 */
public final class CsvText {
    public static final String MEDIA_TYPE = "text/csv;charset=UTF-8";

    private CsvText() {
    }

    public static String of(List<String> header, List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        line(out, header, false);
        for (List<String> row : rows) {
            line(out, row, true);
        }
        return out.toString();
    }

    private static void line(StringBuilder out, List<String> cells, boolean guard) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells.get(i), guard));
        }
        out.append("\r\n");
    }

    static String cell(String value, boolean guard) {
        if (value == null) {
            return "";
        }
        String text = guard && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 && !isNumber(value)
                ? "'" + value : value;
        if (text.contains(",") || text.contains("\"") || text.contains("\n") || text.contains("\r")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }

    private static boolean isNumber(String value) {
        return value.matches("-?\\d+(\\.\\d+)?");
    }
}
