package kz.nobd.support;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What was learnt from verifying a token, kept under the exact token string until the token expires. Bounded: when
 * full it is emptied, and the tokens still in use are verified again once.
 */
final class TokenShelf<T> {
    private record Kept<T>(T value, Instant expiresAt) {
    }

    private final Map<String, Kept<T>> kept = new ConcurrentHashMap<>();
    private final int max;

    TokenShelf(int max) {
        this.max = max;
    }

    /** What was kept for exactly this token, or null if nothing was or the token has expired at {@code now}. */
    T get(String token, Instant now) {
        Kept<T> k = kept.get(token);
        if (k == null) {
            return null;
        }
        if (!now.isBefore(k.expiresAt())) {
            kept.remove(token, k);
            return null;
        }
        return k.value();
    }

    void put(String token, T value, Instant expiresAt) {
        if (kept.size() >= max) {
            kept.clear();
        }
        kept.put(token, new Kept<>(value, expiresAt));
    }

    int size() {
        return kept.size();
    }
}
