package kz.nobd.ingest.domain;

import kz.nobd.contracts.events.DeviceKind;
import kz.nobd.contracts.events.InternetTechnology;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A syntactically valid equipment report: the school's devices by kind (each kind at most once, in the order sent)
 * and its internet connection, as of a date. Whether the school exists and may report is checked later.
 */
public record EquipmentReport(UUID reportId, String schoolBin, LocalDate asOf, List<Device> devices, Internet internet) {

    public EquipmentReport {
        devices = List.copyOf(devices);
    }

    /** {@code forTeaching} and {@code needsReplacement} are parts of {@code total}. */
    public record Device(DeviceKind kind, int total, int forTeaching, int needsReplacement) {
    }

    /** {@code downloadMbps} as sent (exact decimal); 0 and NONE exactly when not connected. */
    public record Internet(boolean connected, BigDecimal downloadMbps, InternetTechnology technology) {
    }
}
