package kz.nobd.support;

/**
 * CSV cells that a spreadsheet will not run as formulas (CSV injection, as OWASP describes it): a cell that begins
 * with {@code =}, {@code +}, {@code -}, {@code @}, a tab or a carriage return gets a leading apostrophe, which
 * Excel and LibreOffice show as text and do not display. Every CSV export of the services writes its cells through
 * it; names such as {@code =cmd|' /C calc'!A0} are stored as given and only neutralised on the way out.
 */
public final class SpreadsheetCells {
    private SpreadsheetCells() {
    }

    public static String neutralise(String cell) {
        if (cell == null || cell.isEmpty()) {
            return cell;
        }
        char first = cell.charAt(0);
        boolean formula = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formula ? "'" + cell : cell;
    }
}
