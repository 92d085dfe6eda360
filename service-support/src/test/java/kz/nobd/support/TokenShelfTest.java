package kz.nobd.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class TokenShelfTest {
    private static final Instant NOW = Instant.parse("2026-11-30T09:00:00Z");

    @Test
    void keepsWhatWasLearntUntilTheTokenExpires() {
        TokenShelf<String> shelf = new TokenShelf<>(10);
        shelf.put("token-a", "identity of a", NOW.plusSeconds(300));

        assertThat(shelf.get("token-a", NOW)).isEqualTo("identity of a");
        assertThat(shelf.get("token-a", NOW.plusSeconds(299))).isEqualTo("identity of a");
        assertThat(shelf.get("token-a", NOW.plusSeconds(300))).as("at exp the token is no longer valid").isNull();
        assertThat(shelf.size()).as("an expired token is dropped").isZero();
        assertThat(shelf.get("token-a", NOW)).as("and must be verified again, whatever the clock says now").isNull();
    }

    @Test
    void onlyTheExactTokenMatches() {
        TokenShelf<String> shelf = new TokenShelf<>(10);
        shelf.put("header.payload.signature", "identity", NOW.plusSeconds(300));

        assertThat(shelf.get("header.payload.signaturX", NOW)).isNull();
        assertThat(shelf.get("header.payload.signature ", NOW)).isNull();
        assertThat(shelf.get("HEADER.payload.signature", NOW)).isNull();
        assertThat(shelf.get("header.payload.signature", NOW)).isEqualTo("identity");
    }

    @Test
    void staysWithinItsBound() {
        TokenShelf<Integer> shelf = new TokenShelf<>(3);
        for (int i = 0; i < 7; i++) {
            shelf.put("token-" + i, i, NOW.plusSeconds(60));
            assertThat(shelf.size()).isLessThanOrEqualTo(3);
        }
        assertThat(shelf.get("token-6", NOW)).as("the newest is always kept").isEqualTo(6);
    }
}
