package kz.nobd.ingest.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

class SpellIdsTest {
    @Test
    void anIdIsAVersion7UuidThatCarriesItsMillisecond() {
        long millis = Instant.parse("2026-09-01T08:15:30.123Z").toEpochMilli();
        UUID id = SpellIds.at(millis);

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(millis);
        assertThat(id.toString()).startsWith(String.format("%08x-%04x-7", millis >>> 16, millis & 0xFFFF));
    }

    @Test
    void idsOfALaterMillisecondSortAfterInTheDatabasesOrder() {
        // PostgreSQL orders uuid values byte by byte, which is the order of their lower-case text
        long millis = Instant.parse("2026-09-01T08:15:30Z").toEpochMilli();
        for (int i = 0; i < 1_000; i++) {
            String earlier = SpellIds.at(millis + i).toString();
            String later = SpellIds.at(millis + i + 1).toString();
            assertThat(later).isGreaterThan(earlier);
        }
    }

    @Test
    void idsOfTheSameMillisecondDiffer() {
        long millis = Instant.parse("2026-09-01T08:15:30Z").toEpochMilli();
        Set<UUID> ids = new HashSet<>();
        for (int i = 0; i < 100_000; i++) {
            ids.add(SpellIds.at(millis));
        }
        assertThat(ids).hasSize(100_000);
    }
}
