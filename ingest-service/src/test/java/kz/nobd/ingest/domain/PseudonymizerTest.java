package kz.nobd.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import kz.nobd.contracts.Iin;

class PseudonymizerTest {
    private static final String KEY = "k".repeat(32);
    private final Pseudonymizer pseudonymizer = new Pseudonymizer(KEY);

    @Test
    void isHmacSha256OfTheTwelveDigitsInBase64UrlWithoutPadding() {
        // computed independently: base64url(HMAC-SHA256(key = 32 x 'k', message = "150301600421")) without '='
        assertThat(pseudonymizer.pseudonym(Iin.parse("150301600421")))
                .isEqualTo("LWN0ej7SH4fQORvMibyv-FsWAL8umKvAkq3sMzdlSQQ");
    }

    @Test
    void isDeterministicAndDistinguishesStudents() {
        Iin first = Iin.parse(Ids.iin("150301", '6', 42));
        Iin second = Iin.parse(Ids.iin("150301", '6', 43));
        String pseudonym = pseudonymizer.pseudonym(first);
        assertThat(pseudonym).hasSize(43).matches("[A-Za-z0-9_-]{43}");
        assertThat(new Pseudonymizer(KEY).pseudonym(first)).isEqualTo(pseudonym);
        assertThat(pseudonymizer.pseudonym(second)).isNotEqualTo(pseudonym);
        assertThat(Pseudonymizer.isPseudonym(pseudonym)).isTrue();
    }

    @Test
    void dependsOnTheKey() {
        Iin iin = Iin.parse(Ids.iin("100101", '5', 7));
        assertThat(new Pseudonymizer("another-key-of-at-least-32-bytes!").pseudonym(iin))
                .isNotEqualTo(pseudonymizer.pseudonym(iin));
    }

    @Test
    void refusesAShortKeyAndNeverPrintsIt() {
        assertThatThrownBy(() -> new Pseudonymizer("short")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the pseudonym key must be at least 32 bytes");
        assertThatThrownBy(() -> new Pseudonymizer(null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(pseudonymizer.toString()).doesNotContain(KEY);
    }

    @Test
    void recognisesOnlyTheShapeOfA256BitDigest() {
        assertThat(Pseudonymizer.isPseudonym("LWN0ej7SH4fQORvMibyv-FsWAL8umKvAkq3sMzdlSQQ")).isTrue();
        assertThat(Pseudonymizer.isPseudonym("LWN0ej7SH4fQORvMibyv-FsWAL8umKvAkq3sMzdlSQ")).isFalse();
        assertThat(Pseudonymizer.isPseudonym("LWN0ej7SH4fQORvMibyv+FsWAL8umKvAkq3sMzdlSQQ")).isFalse();
        // the last character carries 4 bits: 'R' would set bits a 32-byte digest does not have
        assertThat(Pseudonymizer.isPseudonym("LWN0ej7SH4fQORvMibyv-FsWAL8umKvAkq3sMzdlSQR")).isFalse();
        assertThat(Pseudonymizer.isPseudonym(null)).isFalse();
    }
}
