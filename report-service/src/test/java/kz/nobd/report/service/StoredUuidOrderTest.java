package kz.nobd.report.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/**
 * EnrolmentStore skips the lookup of spell ids above the greatest stored one, so its comparison must be
 * PostgreSQL's (the 16 bytes unsigned, the order of the lower-case text forms), not {@link UUID#compareTo}.
 */
class StoredUuidOrderTest {

    @Test
    void ordersAsTheTextFormsDo() {
        Random random = new Random(7);
        List<UUID> ids = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(new UUID(random.nextLong(), random.nextLong()));
        }
        ids.add(new UUID(0, 0));
        ids.add(new UUID(-1, -1));
        ids.add(new UUID(Long.MIN_VALUE, 0));
        ids.add(new UUID(Long.MAX_VALUE, Long.MIN_VALUE));

        List<UUID> byStoredOrder = ids.stream().sorted(EnrolmentStore::compareAsStored).toList();
        List<UUID> byText = ids.stream().sorted(Comparator.comparing(UUID::toString)).toList();

        assertThat(byStoredOrder).isEqualTo(byText);
    }

    @Test
    void aRandomIdWithItsHighBitSetIsAboveATimeOrderedOne() {
        UUID timeOrdered = UUID.fromString("0193a1b2-c3d4-7e5f-8a6b-1c2d3e4f5a6b");
        UUID highBit = UUID.fromString("f47ac10b-58cc-4372-a567-0e02b2c3d479");

        assertThat(EnrolmentStore.compareAsStored(timeOrdered, highBit)).isNegative();
        assertThat(EnrolmentStore.compareAsStored(highBit, timeOrdered)).isPositive();
        assertThat(EnrolmentStore.compareAsStored(highBit, UUID.fromString(highBit.toString()))).isZero();
    }
}
