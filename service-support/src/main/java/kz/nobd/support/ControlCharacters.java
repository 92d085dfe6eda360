package kz.nobd.support;

/**
 * Control characters in text input: C0 (U+0000..U+001F, including NUL, tab, CR and LF) and DEL (U+007F). PostgreSQL
 * refuses NUL in any text value; the others have no place in a name, an address or a query parameter.
 */
public final class ControlCharacters {
    private ControlCharacters() {
    }

    /** The first control character of {@code value}, or -1 when it has none (or is null). */
    public static int first(String value) {
        return first(value, false);
    }

    /**
     * The first control character of {@code value}, or -1; with {@code multiLine}, tab, CR and LF are allowed (free
     * text such as a closure reason).
     */
    public static int first(String value, boolean multiLine) {
        if (value == null) {
            return -1;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 || c == 0x7F) && !(multiLine && (c == '\t' || c == '\n' || c == '\r'))) {
                return c;
            }
        }
        return -1;
    }

    /** Whether {@code value} holds a control character. */
    public static boolean present(String value) {
        return first(value) >= 0;
    }

    /**
     * The message for a field that holds a control character: names the field and the character, and what is
     * allowed; null when {@code value} has none.
     */
    public static String problem(String field, String value) {
        int c = first(value);
        if (c < 0) {
            return null;
        }
        return field + " must not contain control characters (U+0000..U+001F, U+007F: NUL, tab, line breaks);"
                + " it contains " + String.format("U+%04X", c) + ". Send it as one line of printable text";
    }

    /** As {@link #problem(String, String)} for free text, in which tab and line breaks are allowed. */
    public static String problemInText(String field, String value) {
        int c = first(value, true);
        if (c < 0) {
            return null;
        }
        return field + " must not contain control characters other than tab and line breaks (no NUL, U+0000..U+001F,"
                + " U+007F); it contains " + String.format("U+%04X", c);
    }

    /** {@code value} with NUL replaced by U+FFFD, safe to store in a PostgreSQL text column; null stays null. */
    public static String withoutNul(String value) {
        return value == null || value.indexOf('\0') < 0 ? value : value.replace('\0', '\uFFFD');
    }
}
