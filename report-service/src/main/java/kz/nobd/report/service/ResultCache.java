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

/**
 * Answers of report queries, kept until the data change and then recomputed at most once per
 * {@code nobd.report.cache-max-age}, in the background: a reader gets the last answer at once (never older than
 * the maximum age plus one recomputation after a change), and at most one computation of a query runs at a time,
 * however many clients ask. The consumers call {@link #changed()} after each committed batch. The key holds the
 * query and the caller's scope (role, oblast, school), never the user, so users of one scope share answers.
 */
@ApplicationScoped
public class ResultCache {
    private static final Logger LOG = Logger.getLogger(ResultCache.class);
    private static final int MAX_ENTRIES = 5000;

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
        final AtomicBoolean refreshing = new AtomicBoolean();
    }

    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();
    private final AtomicLong generation = new AtomicLong();
    private final ExecutorService refresher = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "report-cache-refresh");
        t.setDaemon(true);
        return t;
    });

    @Inject
    ReportConfig config;

    /** The data behind the answers changed (a batch was committed and applied). */
    public void changed() {
        generation.incrementAndGet();
    }

    @SuppressWarnings("unchecked")
    public <T> Answer<T> get(Key key, Supplier<T> compute) {
        Entry entry = entries.get(key);
        if (entry == null) {
            long g = generation.get();
            Answer<T> value = new Answer<>(compute.get()); // a refusal (403, 404, 400) is thrown here, never kept
            if (entries.size() >= MAX_ENTRIES) {
                entries.clear();
            }
            Entry fresh = new Entry();
            fresh.value = value;
            fresh.generation = g;
            fresh.computedAt = System.nanoTime();
            entries.put(key, fresh);
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
            entry.value = new Answer<>(compute.get());
            entry.generation = g;
            entry.computedAt = System.nanoTime();
        } catch (RuntimeException e) {
            LOG.debugf("dropping the cached answer of %s: %s", key, e.getMessage());
            entries.remove(key);
        } finally {
            entry.refreshing.set(false);
        }
    }

    @PreDestroy
    void stop() {
        refresher.shutdownNow();
    }
}
