package kz.nobd.registry.api;

import java.util.ArrayList;
import java.util.List;

import kz.nobd.registry.service.InstitutionChanges;
import kz.nobd.support.FieldError;
import kz.nobd.support.Paging;
import kz.nobd.support.Params;
import kz.nobd.support.ValidationException;

/** Query parameters parsed by hand so that a bad value is a 400 naming the parameter (JAX-RS would say 404). */
final class QueryParams {
    private QueryParams() {
    }

    /** Rows a page of the registry's lists when {@code size} is absent. */
    static final int DEFAULT_SIZE = 50;

    /** The change feed's {@code since} (0.., default 0: from the first change) and {@code size} (1..1000, default 100). */
    record ChangeWindow(long since, int size) {
    }

    static ChangeWindow changeWindow(String since, String size) {
        List<FieldError> errors = new ArrayList<>();
        long from = Params.wholeNumber("since", since, 0, 0, Long.MAX_VALUE, errors);
        long count = Params.wholeNumber("size", size, InstitutionChanges.DEFAULT_SIZE, 1, InstitutionChanges.MAX_SIZE,
                errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new ChangeWindow(from, (int) count);
    }

    /** A yes/no parameter: {@code true} or {@code false} (default false). */
    static boolean flag(String name, String value) {
        if (value == null || value.isBlank()) {
            return false;
        }
        return switch (value.strip()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ValidationException(List.of(new FieldError(name, name + " must be true or false, was '"
                    + abbreviate(value) + "'")));
        };
    }

    /** An import job's id (a UUID); anything else cannot name a job: 404 as for an unknown one. */
    static java.util.UUID jobId(String value) {
        try {
            return java.util.UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new kz.nobd.support.NotFoundException("no import job " + abbreviate(value) + " of yours");
        }
    }

    /** The search text {@code q}: one line of at most 200 characters. */
    static String search(String q) {
        List<FieldError> errors = new ArrayList<>();
        String text = Params.text("q", q, 200, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return text;
    }

    static <E extends Enum<E>> E enumValue(String name, String value, Class<E> type) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.strip());
        } catch (IllegalArgumentException e) {
            throw new ValidationException(List.of(new FieldError(name, name + " must be one of "
                    + String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(Enum::name).toList())
                    + ", was '" + abbreviate(value) + "'")));
        }
    }

    static String kato(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (!kz.nobd.contracts.Digits.exactly(value.strip(), 9)) {
            throw new ValidationException(List.of(new FieldError(name, name + " must be a 9-digit KATO code, was '"
                    + abbreviate(value) + "'")));
        }
        return value.strip();
    }

    static String abbreviate(String value) {
        return Params.shownControls(value.length() > 40 ? value.substring(0, 40) + "..." : value);
    }
}
