package kz.nobd.support;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Error details never repeat a 12-digit run: it may be an IIN (a person) as easily as a BIN. Every run of 12 or more
 * digits is shown as {@code ********} and its last four digits, the form the project uses for an IIN everywhere.
 */
public final class IdentifierMask {
    private static final Pattern RUN = Pattern.compile("\\d{12,}");

    private IdentifierMask() {
    }

    /** {@code text} with every run of 12 or more digits masked; null stays null. */
    public static String mask(String text) {
        if (text == null || text.length() < 12) {
            return text;
        }
        Matcher m = RUN.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        do {
            String run = m.group();
            m.appendReplacement(out, "********" + run.substring(run.length() - 4));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }
}
