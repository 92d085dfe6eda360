package kz.nobd.registry.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import kz.nobd.contracts.InstitutionCard;
import kz.nobd.contracts.InstitutionStatus;
import kz.nobd.contracts.InstitutionType;
import kz.nobd.contracts.Language;
import kz.nobd.contracts.Locality;
import kz.nobd.contracts.Ownership;

/** What the card cache serves from memory, and when it reads the database instead. */
class CardCacheTest {
    private static final String BIN = "210540000010";

    private final AtomicInteger reads = new AtomicInteger();

    private Supplier<InstitutionCard> stored(long version) {
        return () -> {
            reads.incrementAndGet();
            return card(BIN, version);
        };
    }

    @Test
    void deafReadsTheDatabaseEveryTimeAndKeepsNothing() {
        CardCache cache = new CardCache(10);

        assertThat(cache.get(BIN, stored(1)).version()).isEqualTo(1);
        assertThat(cache.get(BIN, stored(2)).version()).isEqualTo(2);
        assertThat(reads).hasValue(2);
        assertThat(cache.size()).isZero();
    }

    @Test
    void listeningServesAKeptCardUntilItIsForgotten() {
        CardCache cache = new CardCache(10);
        cache.listening();

        assertThat(cache.get(BIN, stored(1)).version()).isEqualTo(1);
        assertThat(cache.get(BIN, stored(2)).version()).as("kept").isEqualTo(1);
        assertThat(reads).hasValue(1);

        cache.forget(List.of("990140000000", BIN));
        assertThat(cache.get(BIN, stored(2)).version()).as("read again after the notice").isEqualTo(2);
        assertThat(reads).hasValue(2);
    }

    @Test
    void aReadThatAChangeOvertookIsServedOnceButNotKept() {
        CardCache cache = new CardCache(10);
        cache.listening();

        InstitutionCard raced = cache.get(BIN, () -> {
            reads.incrementAndGet();
            InstitutionCard old = card(BIN, 1);
            cache.forget(List.of(BIN)); // the change commits and is announced while the old version is on its way
            return old;
        });
        assertThat(raced.version()).isEqualTo(1);
        assertThat(cache.size()).isZero();
        assertThat(cache.get(BIN, stored(2)).version()).isEqualTo(2);
        assertThat(reads).hasValue(2);
    }

    @Test
    void losingTheListenerForgetsEverythingAndStopsKeeping() {
        CardCache cache = new CardCache(10);
        cache.listening();
        cache.get(BIN, stored(1));

        cache.deaf();
        assertThat(cache.isListening()).isFalse();
        assertThat(cache.size()).isZero();
        assertThat(cache.get(BIN, stored(2)).version()).isEqualTo(2);
        assertThat(cache.get(BIN, stored(3)).version()).isEqualTo(3);

        cache.listening();
        assertThat(cache.get(BIN, stored(4)).version()).isEqualTo(4);
        assertThat(cache.get(BIN, stored(5)).version()).isEqualTo(4);
        assertThat(reads).hasValue(4);
    }

    @Test
    void keepsAtMostMaxCardsAndReadsTheOthersEachTime() {
        CardCache cache = new CardCache(2);
        cache.listening();
        for (String bin : List.of("210540000010", "210540000021", "210540000032")) {
            cache.get(bin, () -> card(bin, 1));
        }
        assertThat(cache.size()).isEqualTo(2);

        cache.get("210540000032", stored(1));
        cache.get("210540000032", stored(1));
        assertThat(reads).as("the third card is read each time").hasValue(2);
    }

    @Test
    void anUnknownBinIsNotKept() {
        CardCache cache = new CardCache(10);
        cache.listening();

        assertThat(cache.get(BIN, () -> null)).isNull();
        assertThat(cache.size()).isZero();
    }

    private static InstitutionCard card(String bin, long version) {
        return new InstitutionCard(bin, "Мектеп", "Школа", InstitutionType.SCHOOL, Ownership.STATE, "111033100",
                "110000000", "111000000", Locality.RURAL, List.of(Language.KK), 420, 1, null, null, null,
                InstitutionStatus.OPEN, LocalDate.of(1972, 9, 1), null, null, null, version, LocalDate.of(1972, 9, 1),
                Instant.parse("2026-12-04T00:00:00Z"));
    }
}
