package kz.nobd.report.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** The current report of a date: latest asOf on or before it, at most a year old; same asOf: later received. */
class EquipmentHistoryTest {
    static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static EquipmentReport report(String asOf, Instant received) {
        return new EquipmentReport(UUID.randomUUID(), "210540000010", LocalDate.parse(asOf), List.of(),
                new EquipmentReport.Internet(true, BigDecimal.TEN, "FIBER"), received);
    }

    @Test
    void anOldReportArrivingLateDoesNotDisplaceANewerOne() {
        EquipmentReport newer = report("2026-04-01", T);
        EquipmentReport older = report("2025-12-01", T.plusSeconds(60));
        EquipmentHistory history = new EquipmentHistory(List.of(newer)).with(older);
        assertThat(history.currentOn(LocalDate.parse("2026-05-01"))).isEqualTo(newer);
        assertThat(history.currentOn(LocalDate.parse("2026-01-01"))).isEqualTo(older);
        assertThat(history.currentOn(LocalDate.parse("2025-11-30"))).isNull();
    }

    @Test
    void theSameAsOfIsDecidedByReceipt() {
        EquipmentReport first = report("2025-10-01", T);
        EquipmentReport second = report("2025-10-01", T.plusSeconds(1));
        assertThat(new EquipmentHistory(List.of(second, first)).currentOn(LocalDate.parse("2025-10-01"))).isEqualTo(second);
    }

    @Test
    void aReportOlderThanAYearIsNotCurrent() {
        EquipmentHistory history = new EquipmentHistory(List.of(report("2025-06-15", T)));
        assertThat(history.currentOn(LocalDate.parse("2026-06-15"))).isNotNull();
        assertThat(history.currentOn(LocalDate.parse("2026-06-16"))).isNull();
    }
}
