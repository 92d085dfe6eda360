package kz.nobd.ingest.domain;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kz.nobd.contracts.Iin;

/**
 * Makes a submitted value safe to echo in an error message: long digit runs that could be an IIN are masked
 * ({@code ********1234}) and long values are cut. A 12-digit run whose 5th digit is 4..9 is kept: it cannot be an
 * IIN (the 5th digit of an IIN is the tens of a day of the month) and is most likely a BIN the submitter wants to
 * see. Runs of 10..11 digits are masked too: an IIN sent as a JSON number loses its leading zero. Control
 * characters are shown as {@code ?}.
 */
public final class Redaction {
    static final int MAX_ECHO = 20;
    private static final int MAX_SCANNED = 200;
    private static final Pattern DIGIT_RUN = Pattern.compile("\\d{10,}");

    private Redaction() {
    }

    /** The value as it may appear inside a message, without quotes; "" for null. */
    public static String echo(String raw) {
        if (raw == null) {
            return "";
        }
        String masked = kz.nobd.support.Params.shownControls(
                maskIinLike(raw.length() > MAX_SCANNED ? raw.substring(0, MAX_SCANNED) : raw));
        return masked.length() > MAX_ECHO ? masked.substring(0, MAX_ECHO) + "..." : masked;
    }

    /** {@code text} with every digit run that could be an IIN masked. */
    public static String maskIinLike(String text) {
        Matcher m = DIGIT_RUN.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String run = m.group();
            boolean cannotBeIin = run.length() == 12 && run.charAt(4) >= '4';
            m.appendReplacement(out, cannotBeIin ? run : Iin.mask(run));
        }
        m.appendTail(out);
        return out.toString();
    }
}
