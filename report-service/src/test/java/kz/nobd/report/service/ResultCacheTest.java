package kz.nobd.report.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import kz.nobd.report.config.ReportConfig;

/** The cache's background recomputation, and who writes a recomputed answer's JSON. */
class ResultCacheTest {
    private final ResultCache cache = cacheRefreshingAtOnce();
    private final ResultCache.Key key = new ResultCache.Key("rollups", "NATIONAL", "ministry", "", null);
    private final AtomicInteger computations = new AtomicInteger();

    @AfterEach
    void stop() {
        cache.stop();
    }

    @Test
    void aRecomputedAnswerIsWrittenAsJsonInTheBackgroundWhenItsPredecessorWas() {
        ResultCache.Answer<List<Integer>> first = cache.get(key, this::compute);
        assertThat(new String(first.json(cache.mapper))).isEqualTo("[1]");

        ResultCache.Answer<List<Integer>> second = recomputed(first);

        assertThat(second.value()).containsExactly(2);
        assertThat(second.writtenAsJson()).as("written by the refresh, before any request asked").isTrue();
        assertThat(new String(second.json(cache.mapper))).isEqualTo("[2]");
    }

    @Test
    void anAnswerNeverAskedForAsJsonIsNotWrittenAsJsonWhenRecomputed() {
        ResultCache.Answer<List<Integer>> first = cache.get(key, this::compute);

        ResultCache.Answer<List<Integer>> second = recomputed(first);

        assertThat(second.value()).containsExactly(2);
        assertThat(second.writtenAsJson()).isFalse();
    }

    @Test
    void withoutAChangeTheKeptAnswerIsServedAndNothingIsRecomputed() {
        ResultCache.Answer<List<Integer>> first = cache.get(key, this::compute);

        assertThat(cache.get(key, this::compute)).isSameAs(first);
        assertThat(computations).hasValue(1);
    }

    /** Tells the cache the data changed and asks until the background thread has replaced {@code before}. */
    private ResultCache.Answer<List<Integer>> recomputed(ResultCache.Answer<List<Integer>> before) {
        cache.changed();
        return await().atMost(Duration.ofSeconds(10)).until(() -> cache.get(key, this::compute),
                answer -> answer != before);
    }

    private List<Integer> compute() {
        return List.of(computations.incrementAndGet());
    }

    /** A cache whose answers may be recomputed as soon as the data change (maximum age 0). */
    private static ResultCache cacheRefreshingAtOnce() {
        ResultCache cache = new ResultCache();
        cache.mapper = new ObjectMapper();
        cache.config = (ReportConfig) Proxy.newProxyInstance(ReportConfig.class.getClassLoader(),
                new Class<?>[] {ReportConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "cacheMaxAge" -> Duration.ZERO;
                    case "cacheMaxRows" -> 1_000_000;
                    default -> throw new UnsupportedOperationException(method.getName());
                });
        return cache;
    }
}
