package kz.nobd.support;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Reading query parameters: a bad value adds a {@link FieldError} naming the parameter and what is allowed. */
public final class Params {
    /** Dates and instants of every service lie in this range (PostgreSQL, and reason, hold no others). */
    public static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    public static final LocalDate LATEST_DATE = LocalDate.of(9999, 12, 31);

    private Params() {
    }

    public static int integer(String name, String value, int fallback, List<FieldError> errors) {
        return (int) wholeNumber(name, value, fallback, Integer.MIN_VALUE, Integer.MAX_VALUE, errors);
    }

    /** A whole number in {@code min..max}, or {@code fallback} when absent or bad (then an error is added). */
    public static long wholeNumber(String name, String value, long fallback, long min, long max,
            List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String range = min == Integer.MIN_VALUE && max == Integer.MAX_VALUE ? "" : " " + min + ".." + max;
        try {
            long number = Long.parseLong(value.strip());
            if (number < min || number > max) {
                errors.add(new FieldError(name, name + " must be" + range + ", was " + number));
                return fallback;
            }
            return number;
        } catch (NumberFormatException e) {
            errors.add(new FieldError(name, name + " must be a whole number" + range + ", was '" + shown(value) + "'"));
            return fallback;
        }
    }

    /** A date as YYYY-MM-DD in {@link #EARLIEST_DATE}..{@link #LATEST_DATE}, or {@code fallback} when absent. */
    public static LocalDate date(String name, String value, LocalDate fallback, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        String allowed = name + " must be a date YYYY-MM-DD from " + EARLIEST_DATE + " to " + LATEST_DATE;
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE)) {
                errors.add(new FieldError(name, allowed + ", was " + shown(value.strip())));
                return fallback;
            }
            return date;
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, allowed + ", was '" + shown(value) + "'"));
            return fallback;
        }
    }

    /** Free text: stripped, null when blank; a control character is an error (and null is returned). */
    public static String text(String name, String value, int maxLength, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String problem = ControlCharacters.problem(name, value);
        if (problem != null) {
            errors.add(new FieldError(name, problem));
            return null;
        }
        String text = value.strip();
        if (text.length() > maxLength) {
            errors.add(new FieldError(name, name + " must be at most " + maxLength + " characters, was " + text.length()));
            return null;
        }
        return text;
    }

    /**
     * The value cut to 20 characters, so an error never echoes a long input, with control characters shown as
     * {@code ?} (a response must not carry a NUL or a line break taken from a request).
     */
    public static String shown(String value) {
        return shownControls(value.length() > 20 ? value.substring(0, 20) + "..." : value);
    }

    /** {@code text} with each control character shown as {@code ?}. */
    public static String shownControls(String text) {
        if (!ControlCharacters.present(text)) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length());
        text.chars().forEach(c -> out.append(c < 0x20 || c == 0x7F ? '?' : (char) c));
        return out.toString();
    }
}
