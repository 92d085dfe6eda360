package kz.nobd.ingest.domain;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import kz.nobd.contracts.Iin;

/**
 * Turns an IIN into the student's pseudonym: HMAC-SHA256 under the service's secret key over the 12 digits,
 * base64url without padding (43 characters). The same IIN and key always give the same pseudonym; without the key
 * it cannot be recomputed from a guessed IIN. Thread-safe. Never prints its key.
 */
public final class Pseudonymizer {
    /** The shape of every pseudonym: 32 bytes in base64url without padding. */
    public static final Pattern PSEUDONYM = Pattern.compile("[A-Za-z0-9_-]{43}");
    static final int MIN_KEY_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    /** A Mac is not thread-safe but costly to set up: one per thread, reused. */
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    /** @param key the secret from configuration; its UTF-8 bytes, at least 32, are the HMAC key */
    public Pseudonymizer(String key) {
        if (key == null || key.getBytes(StandardCharsets.UTF_8).length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException("the pseudonym key must be at least " + MIN_KEY_BYTES + " bytes");
        }
        this.key = new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    }

    public String pseudonym(Iin iin) {
        byte[] digest = macs.get().doFinal(iin.value().getBytes(StandardCharsets.US_ASCII));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    /** True when {@code text} could be a pseudonym: 43 base64url characters that decode to exactly 32 bytes. */
    public static boolean isPseudonym(String text) {
        if (text == null || !PSEUDONYM.matcher(text).matches()) {
            return false;
        }
        byte[] bytes = Base64.getUrlDecoder().decode(text);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).equals(text);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "Pseudonymizer[HmacSHA256, key hidden]";
    }
}
