package kz.nobd.ingest.api;

import java.util.ArrayList;
import java.util.List;

import kz.nobd.support.FieldError;
import kz.nobd.support.ValidationException;

/** {@code ?page=0&size=50} of every list (API.md, "Lists"): page 0 or more, size 1..500; a bad value is a 400. */
record Paging(int page, int size) {
    static final int DEFAULT_SIZE = 50;
    static final int MAX_SIZE = 500;

    static Paging of(String page, String size) {
        List<FieldError> errors = new ArrayList<>();
        int p = integer("page", page, 0, errors);
        int s = integer("size", size, DEFAULT_SIZE, errors);
        if (p < 0) {
            errors.add(new FieldError("page", "page must be 0 or more, was " + p));
        }
        if (s < 1 || s > MAX_SIZE) {
            errors.add(new FieldError("size", "size must be 1.." + MAX_SIZE + ", was " + s));
        }
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new Paging(p, s);
    }

    private static int integer(String name, String value, int fallback, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            String shown = value.length() > 20 ? value.substring(0, 20) + "..." : value;
            errors.add(new FieldError(name, name + " must be a whole number, was '" + shown + "'"));
            return fallback;
        }
    }
}
