package kz.nobd.support;

import java.util.ArrayList;
import java.util.List;

/** {@code ?page=0&size=50} of every list (API.md, "Lists"): page 0 or more, size 1..500; a bad value is a 400. */
public record Paging(int page, int size) {
    public static final int MAX_SIZE = 500;

    public static Paging of(String page, String size, int defaultSize) {
        List<FieldError> errors = new ArrayList<>();
        int p = Params.integer("page", page, 0, errors);
        int s = Params.integer("size", size, defaultSize, errors);
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

    /** The rows of this page out of {@code all}. */
    public <T> List<T> slice(List<T> all) {
        long from = (long) page * size;
        if (from >= all.size()) {
            return List.of();
        }
        return all.subList((int) from, (int) Math.min(all.size(), from + size));
    }
}
