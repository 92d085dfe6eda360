package kz.nobd.registry.api;

import java.util.ArrayList;
import java.util.List;

import kz.nobd.support.FieldError;
import kz.nobd.registry.service.InstitutionSearch;
import kz.nobd.support.ValidationException;

/** Query parameters parsed by hand so that a bad value is a 400 naming the parameter (JAX-RS would say 404). */
final class QueryParams {
    private QueryParams() {
    }

    record Paging(int page, int size) {
    }

    static Paging paging(String page, String size) {
        List<FieldError> errors = new ArrayList<>();
        int p = integer("page", page, 0, errors);
        int s = integer("size", size, 50, errors);
        if (p < 0) {
            errors.add(new FieldError("page", "page must be 0 or more, was " + p));
        }
        if (s < 1 || s > InstitutionSearch.MAX_PAGE_SIZE) {
            errors.add(new FieldError("size", "size must be 1.." + InstitutionSearch.MAX_PAGE_SIZE + ", was " + s));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new Paging(p, s);
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

    private static int integer(String name, String value, int fallback, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            errors.add(new FieldError(name, name + " must be a whole number, was '" + abbreviate(value) + "'"));
            return fallback;
        }
    }

    static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
}
