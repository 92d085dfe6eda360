package kz.nobd.ingest.domain;

import kz.nobd.contracts.events.RejectionReason;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import kz.nobd.contracts.Bin;
import kz.nobd.contracts.Digits;

/**
 * Reads raw text fields one at a time and records a {@link Violation} for each problem, so a validator can collect
 * every problem of an input instead of stopping at the first. Each reader returns null when the value is missing or
 * unusable. Values are stripped of surrounding blanks; a blank value counts as missing. Submitted values are only
 * ever echoed through {@link Redaction#echo}.
 */
final class FieldChecks {
    static final String LOST_LEADING_ZERO = " (sent as a JSON number it loses its leading zero: send it as a string)";

    private final List<Violation> violations = new ArrayList<>();

    List<Violation> violations() {
        return List.copyOf(violations);
    }

    boolean clean() {
        return violations.isEmpty();
    }

    void add(String field, RejectionReason reason, String message) {
        violations.add(new Violation(field, reason, message));
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** The stripped value, or null with a MALFORMED "is required" violation naming what is allowed. */
    String required(String field, String value, String allowed) {
        if (blank(value)) {
            add(field, RejectionReason.MALFORMED, field + " is required (" + allowed + ")");
            return null;
        }
        return value.strip();
    }

    /** A canonical 8-4-4-4-12 hex UUID (MALFORMED otherwise). */
    UUID uuid(String field, String value) {
        String text = required(field, value, "a UUID");
        if (text == null) {
            return null;
        }
        if (!isUuidText(text)) {
            add(field, RejectionReason.MALFORMED, field + " must be a UUID like 3f2b8c1e-0d4a-4b7e-9c61-2a5f0e9d7b13, was '"
                    + Redaction.echo(text) + "'");
            return null;
        }
        return UUID.fromString(text);
    }

    /** One of the constants of {@code type}, spelled exactly (MALFORMED otherwise). */
    <E extends Enum<E>> E oneOf(String field, String value, Class<E> type) {
        String text = required(field, value, ONE_OF.get(type));
        if (text == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, text);
        } catch (IllegalArgumentException notAConstant) {
            add(field, RejectionReason.MALFORMED, field + " must be " + ONE_OF.get(type) + ", was '"
                    + Redaction.echo(text) + "'");
            return null;
        }
    }

    /** "one of A, B, C" per enum, spelled out once (it is needed for every field checked, not only for errors). */
    private static final ClassValue<String> ONE_OF = new ClassValue<>() {
        @Override
        @SuppressWarnings("unchecked")
        protected String computeValue(Class<?> type) {
            return "one of " + allowed((Class<? extends Enum<?>>) type);
        }
    };

    /** A valid BIN (MALFORMED with the message of {@link Bin#problemWith} otherwise). */
    String bin(String field, String value) {
        String text = required(field, value, "a 12-digit BIN");
        if (text == null) {
            return null;
        }
        String problem = Bin.problemWith(text);
        if (problem != null) {
            String hint = kz.nobd.contracts.Digits.exactly(text, 11) ? LOST_LEADING_ZERO : "";
            add(field, RejectionReason.MALFORMED, field + ": " + Redaction.maskIinLike(problem) + hint);
            return null;
        }
        return text;
    }

    /** A whole number in {@code min..max}; a missing value is MALFORMED, a bad or out-of-range one {@code reason}. */
    Integer wholeNumber(String field, String value, int min, int max, RejectionReason reason) {
        String text = required(field, value, "a whole number " + min + ".." + max);
        if (text == null) {
            return null;
        }
        if (!isWholeNumber(text)) {
            add(field, reason, field + " must be a whole number " + min + ".." + max + ", was '" + Redaction.echo(text) + "'");
            return null;
        }
        int number = Integer.parseInt(text);
        if (number < min || number > max) {
            add(field, reason, field + " must be " + min + ".." + max + ", was " + number);
            return null;
        }
        return number;
    }

    /** An ISO date YYYY-MM-DD; a missing value is MALFORMED, one that does not parse INVALID_DATE. */
    LocalDate date(String field, String value) {
        String text = required(field, value, "a date YYYY-MM-DD");
        if (text == null) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            add(field, RejectionReason.INVALID_DATE, field + " must be a real date YYYY-MM-DD, was '" + Redaction.echo(text) + "'");
            return null;
        }
    }

    /** Records a MALFORMED violation when a field that has no meaning here is present. */
    void absent(String field, String value, String onlyFor) {
        if (!blank(value)) {
            add(field, RejectionReason.MALFORMED, field + " is only allowed " + onlyFor);
        }
    }

    static String allowed(Class<? extends Enum<?>> type) {
        return Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.joining(", "));
    }

    /**
     * 8-4-4-4-12 ASCII hex digits, what {@code [0-9a-fA-F]{8}-[0-9a-fA-F]{4}-...-[0-9a-fA-F]{12}} matches, checked
     * without a regex (it ran for every event id).
     */
    static boolean isUuidText(String text) {
        if (text.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean ok = i == 8 || i == 13 || i == 18 || i == 23 ? c == '-'
                    : (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** An optional sign and 1 to 9 ASCII digits, what {@code [+-]?\d{1,9}} matches. */
    static boolean isWholeNumber(String text) {
        int start = !text.isEmpty() && (text.charAt(0) == '+' || text.charAt(0) == '-') ? 1 : 0;
        int digits = text.length() - start;
        return digits >= 1 && digits <= 9 && Digits.exactly(text.substring(start), digits);
    }
}
