package kz.nobd.support;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code ?page=0&size=50} of every list (docs/api.md, "Lists"): size 1..500, page 0 or more such that at most
 * {@link #MAX_OFFSET} rows are skipped ({@code page * size <= MAX_OFFSET}, so the offset can neither overflow nor
 * make the database walk millions of rows); a bad value is a 400 naming the parameter and its range.
 */
public record Paging(int page, int size) {
    public static final int MAX_SIZE = 500;
    public static final long MAX_OFFSET = 10_000_000;

    public static Paging of(String page, String size, int defaultSize) {
        List<FieldError> errors = new ArrayList<>();
        int s = (int) Params.wholeNumber("size", size, defaultSize, 1, MAX_SIZE, errors);
        List<FieldError> pageErrors = new ArrayList<>();
        long p = Params.wholeNumber("page", page, 0, 0, maxPage(s), pageErrors);
        pageErrors.forEach(e -> errors.add(new FieldError("page", e.message() + " (with size " + s
                + ", page * size may be at most " + MAX_OFFSET + ")")));
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return new Paging((int) p, s);
    }

    /** The last page that may be asked for with {@code size} rows a page. */
    public static long maxPage(int size) {
        return MAX_OFFSET / size;
    }

    /** Rows skipped before this page. */
    public long offset() {
        return (long) page * size;
    }

    /** The rows of this page out of {@code all}. */
    public <T> List<T> slice(List<T> all) {
        long from = offset();
        if (from >= all.size()) {
            return List.of();
        }
        return all.subList((int) from, (int) Math.min(all.size(), from + size));
    }
}
