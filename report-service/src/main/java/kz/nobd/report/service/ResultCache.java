package kz.nobd.report.service;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.nobd.report.config.ReportConfig;
import kz.nobd.support.BackgroundThreads;

/**
 * Answers of report queries, kept until the data change and then recomputed at most once per
 * {@code nobd.report.cache-max-age}, in the background: a reader gets the last answer at once (never older than
 * the maximum age plus one recomputation after a change), and at most one computation of a query runs at a time,
 * however many clients ask. The consumers call {@link #changed()} after each committed batch. The key holds the
 * query and the caller's scope (role, oblast, school), never the user, so users of one scope share answers.
 * A heavy answer not kept yet is computed in its turn ({@link HeavyQueries}); recomputations run on the one
 * background thread, which also writes the new answer's JSON when the old one was asked for as JSON (a request
 * then only sends bytes). The cache holds at most {@code nobd.report.cache-max-rows} rows of answers: past that it starts
 * again empty.
 */
@ApplicationScoped
public class ResultCache {
    private static final Logger LOG = Logger.getLogger(ResultCache.class);
    private static final int MAX_ENTRIES = 5000;
    private long rows;

    public record Key(String endpoint, Object query, String role, String oblastPrefix, String bin) {
        public static Key of(String endpoint, Object query, Jurisdiction j) {
            return new Key(endpoint, query, j.role(), j.oblastPrefix(), j.bin());
        }
    }

    /** A computed answer and, made once on first use, its JSON. */
    public static final class Answer<T> {
        private final T value;
        private volatile byte[] json;

        public Answer(T value) {
            this.value = value;
        }

        public T value() {
            return value;
        }

        /** Whether the JSON of this answer was written (a client asked for it as JSON). */
        boolean writtenAsJson() {
            return json != null;
        }

        public byte[] json(ObjectMapper mapper) {
            byte[] bytes = json;
            if (bytes == null) {
                try {
                    bytes = mapper.writeValueAsBytes(value);
                } catch (JsonProcessingException e) {
                    throw new IllegalStateException("an answer could not be written as JSON", e);
                }
                json = bytes;
            }
            return bytes;
        }
    }

    private static final class Entry {
        volatile Answer<?> value;
        volatile long generation;
        volatile long computedAt;
        volatile int weight;
        final AtomicBoolean refreshing = new AtomicBoolean();
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(
            r -> BackgroundThreads.of("report-cache-refresh", r));

    @Inject
    ReportConfig config;
    @Inject
    HeavyQueries heavy;
    @Inject
    ObjectMapper mapper;

    /** The data behind the answers changed (a batch was committed and applied). */
    public void changed() {
        generation.incrementAndGet();
    }

    public <T> Answer<T> get(Key key, Supplier<T> compute) {
        return get(key, false, compute);
    }

    /** The kept answer of {@code key}, or one computed now (in its turn when {@code isHeavy}). */
    @SuppressWarnings("unchecked")
    public <T> Answer<T> get(Key key, boolean isHeavy, Supplier<T> compute) {
        Entry entry = entries.get(key);
        if (entry == null) {
            long g = generation.get();
            // a refusal (403, 404, 400, 503) is thrown here, never kept
            Answer<T> value = new Answer<>(isHeavy ? heavy.inTurn(compute) : compute.get());
            Entry fresh = new Entry();
            fresh.value = value;
            fresh.generation = g;
            fresh.computedAt = System.nanoTime();
            fresh.weight = weightOf(value.value());
            keep(key, fresh);
            return value;
        }
        long g = generation.get();
        if (entry.generation != g && System.nanoTime() - entry.computedAt >= config.cacheMaxAge().toNanos()
                && entry.refreshing.compareAndSet(false, true)) {
            refresher.execute(() -> refresh(key, entry, compute));
        }
        return (Answer<T>) entry.value;
    }

    private void refresh(Key key, Entry entry, Supplier<?> compute) {
        try {
            long g = generation.get();
            Answer<?> value = new Answer<>(compute.get());
            if (entry.value.writtenAsJson()) {
                value.json(mapper); // here, not on the first request thread that reads the new answer
            }
            reweigh(key, entry, weightOf(value.value()));
            entry.value = value;
            entry.generation = g;
            entry.computedAt = System.nanoTime();
        } catch (RuntimeException e) {
            LOG.debugf("dropping the cached answer of %s: %s", key, e.getMessage());
            drop(key, entry);
        } finally {
            entry.refreshing.set(false);
        }
    }

    private synchronized void keep(Key key, Entry entry) {
        if (entries.size() >= MAX_ENTRIES || rows + entry.weight > config.cacheMaxRows()) {
            entries.clear();
            rows = 0;
        }
        Entry before = entries.put(key, entry);
        rows += entry.weight - (before == null ? 0 : before.weight);
    }

    private synchronized void drop(Key key, Entry entry) {
        if (entries.remove(key, entry)) {
            rows -= entry.weight;
        }
    }

    private synchronized void reweigh(Key key, Entry entry, int weight) {
        if (entries.get(key) == entry) {
            rows += weight - entry.weight;
        }
        entry.weight = weight;
    }

    /** The rows an answer holds (a table's rows, 1 for anything else). */
    private static int weightOf(Object value) {
        return value instanceof CsvTable table ? table.csvRows().size() + 1 : 1;
    }

    @PreDestroy
    void stop() {
        refresher.shutdownNow();
    }
}
