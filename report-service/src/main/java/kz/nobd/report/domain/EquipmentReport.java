package kz.nobd.report.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import kz.nobd.contracts.events.EquipmentFact;

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

    /** The report of a fact of {@code facts.equipment.v1} (the contract's {@link EquipmentFact}). */
    public static EquipmentReport of(EquipmentFact fact) {
        return new EquipmentReport(fact.reportId(), fact.schoolBin(), fact.asOf(), fact.devices() == null ? List.of()
                : fact.devices().stream().map(d -> new Device(d.kind() == null ? null : d.kind().name(), d.total(),
                        d.forTeaching(), d.needsReplacement())).toList(),
                new Internet(fact.internet().connected(), fact.internet().downloadMbps(),
                        fact.internet().technology() == null ? null : fact.internet().technology().name()),
                fact.receivedAt());
    }

    /** Null, or why the fact cannot be used. */
    public static String problemWith(EquipmentFact fact) {
        if (fact.reportId() == null || !kz.nobd.contracts.Digits.exactly(fact.schoolBin(), 12) || fact.asOf() == null
                || fact.receivedAt() == null || fact.internet() == null || fact.internet().downloadMbps() == null) {
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
