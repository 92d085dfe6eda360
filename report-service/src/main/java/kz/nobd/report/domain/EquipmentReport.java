package kz.nobd.report.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** An accepted equipment report from {@code facts.equipment.v1}, with the time ingest received it. */
public record EquipmentReport(UUID reportId, String schoolBin, LocalDate asOf, List<Device> devices, Internet internet,
        Instant receivedAt) {

    public EquipmentReport {
        devices = devices == null ? List.of() : List.copyOf(devices);
    }

    /** Kinds DESKTOP, LAPTOP, TABLET, INTERACTIVE_PANEL, PROJECTOR, OTHER. */
    public record Device(String kind, int total, int forTeaching, int needsReplacement) {

        /** A computer in the indicators' sense: a desktop, laptop or tablet. */
        public boolean isComputer() {
            return "DESKTOP".equals(kind) || "LAPTOP".equals(kind) || "TABLET".equals(kind);
        }
    }

    public record Internet(boolean connected, BigDecimal downloadMbps, String technology) {
    }

    /** Null, or why the report cannot be used. */
    public String problem() {
        if (reportId == null || !kz.nobd.contracts.Digits.exactly(schoolBin, 12) || asOf == null
                || receivedAt == null || internet == null || internet.downloadMbps() == null) {
            return "reportId, schoolBin, asOf, internet.downloadMbps or receivedAt missing";
        }
        return null;
    }

    /** Whether this report is more current than {@code other}: later asOf; the same asOf, later received. */
    public boolean supersedes(EquipmentReport other) {
        int byDate = asOf.compareTo(other.asOf);
        return byDate > 0 || byDate == 0 && receivedAt.isAfter(other.receivedAt);
    }
}
