package kz.nobd.contracts.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The value of {@code facts.equipment.v1} (key: the school's BIN): an accepted equipment report as validated, with
 * the time ingest received it. The current report of a school on a date is the one with the latest {@code asOf},
 * then the latest {@code receivedAt}.
 */
public record EquipmentFact(
        UUID reportId,
        String schoolBin,
        LocalDate asOf,
        List<Device> devices,
        Internet internet,
        Instant receivedAt) {
}
