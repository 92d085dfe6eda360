package kz.nobd.support;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Reading query parameters: a bad value adds a {@link FieldError} naming the parameter and what is allowed. */
public final class Params {
    private Params() {
    }

    public static int integer(String name, String value, int fallback, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(name, name + " must be a whole number, was '" + shown(value) + "'"));
            return fallback;
        }
    }

    /** A date as YYYY-MM-DD, or {@code fallback} when absent. */
    public static LocalDate date(String name, String value, LocalDate fallback, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(name, name + " must be a date YYYY-MM-DD, was '" + shown(value) + "'"));
            return fallback;
        }
    }

    /** The value cut to 20 characters, so an error never echoes a long input (or a long digit run). */
    public static String shown(String value) {
        return value.length() > 20 ? value.substring(0, 20) + "..." : value;
    }
}
