package kz.nobd.ingest.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import kz.nobd.contracts.events.Device;
import kz.nobd.contracts.events.Internet;

/**
 * A syntactically valid equipment report: the school's devices by kind (each kind at most once, in the order sent)
 * and its internet connection, as of a date (the lines are the contract's {@link Device} and {@link Internet}).
 * Whether the school exists and may report is checked later.
 */
public record EquipmentReport(UUID reportId, String schoolBin, LocalDate asOf, List<Device> devices, Internet internet) {

    public EquipmentReport {
        devices = List.copyOf(devices);
    }
}
