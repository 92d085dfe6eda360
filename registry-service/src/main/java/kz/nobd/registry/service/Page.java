package kz.nobd.registry.service;

import java.util.List;
import java.util.function.Function;

import io.quarkus.hibernate.orm.panache.PanacheQuery;

/** One page of a list: {@code {"items":[...],"page":0,"size":50,"total":N}}. */
public record Page<T>(List<T> items, int page, int size, long total) {
    /** Page {@code page} of {@code size} rows of {@code query}, and how many rows it has in all. */
    public static <T> Page<T> of(PanacheQuery<T> query, int page, int size) {
        List<T> items = query.page(io.quarkus.panache.common.Page.of(page, size)).list();
        return new Page<>(items, page, size, query.count());
    }

    public <R> Page<R> map(Function<T, R> mapper) {
        return new Page<>(items.stream().map(mapper).toList(), page, size, total);
    }
}
