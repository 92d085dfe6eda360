package kz.nobd.ingest.domain;

import kz.nobd.contracts.events.DeviceKind;
import kz.nobd.contracts.events.InternetTechnology;
import kz.nobd.contracts.events.RejectionReason;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import kz.nobd.contracts.events.Device;
import kz.nobd.contracts.events.Internet;
import kz.nobd.ingest.domain.EquipmentReportInput.DeviceInput;
import kz.nobd.ingest.domain.EquipmentReportInput.InternetInput;

/**
 * The syntax check of an equipment report (docs/architecture.md, "Equipment report"). Collects every violation; all are
 * MALFORMED except a bad {@code asOf}, which is INVALID_DATE (a date in 2000-01-01..today). Devices: each kind at
 * most once (an empty list is a school without devices), counts 0..100000, forTeaching and needsReplacement at
 * most total. Internet: not connected means technology NONE and downloadMbps 0; connected forbids NONE.
 */
public final class EquipmentReportValidator {
    static final LocalDate EARLIEST_AS_OF = LocalDate.of(2000, 1, 1);
    static final int MAX_COUNT = 100_000;
    static final BigDecimal MAX_MBPS = BigDecimal.valueOf(100_000);
    private static final int MAX_NUMBER_TEXT = 24;

    private final LocalDate today;

    public EquipmentReportValidator(LocalDate today) {
        this.today = today;
    }

    /** The validated report, or null with every violation in field order. */
    public record Result(EquipmentReport report, List<Violation> violations) {
        public boolean valid() {
            return violations.isEmpty();
        }

        /** See {@link Violation#primaryReason}; only for an invalid result. */
        public RejectionReason primaryReason() {
            return Violation.primaryReason(violations);
        }
    }

    public Result validate(EquipmentReportInput in) {
        FieldChecks checks = new FieldChecks();
        UUID reportId = checks.uuid("reportId", in.reportId());
        String schoolBin = checks.bin("schoolBin", in.schoolBin());
        LocalDate asOf = asOf(in.asOf(), checks);
        List<Device> devices = devices(in.devices(), checks);
        Internet internet = internet(in.internet(), checks);
        if (!checks.clean()) {
            return new Result(null, checks.violations());
        }
        return new Result(new EquipmentReport(reportId, schoolBin, asOf, devices, internet), List.of());
    }

    private LocalDate asOf(String value, FieldChecks checks) {
        LocalDate asOf = checks.date("asOf", value);
        if (asOf != null && asOf.isAfter(today)) {
            checks.add("asOf", RejectionReason.INVALID_DATE, "asOf must not be in the future (today is " + today + "), was " + asOf);
        } else if (asOf != null && asOf.isBefore(EARLIEST_AS_OF)) {
            checks.add("asOf", RejectionReason.INVALID_DATE, "asOf must be on or after " + EARLIEST_AS_OF + ", was " + asOf);
        }
        return asOf;
    }

    private static List<Device> devices(List<DeviceInput> lines, FieldChecks checks) {
        if (lines == null) {
            checks.add("devices", RejectionReason.MALFORMED, "devices is required: a list of {kind, total, forTeaching,"
                    + " needsReplacement}, empty when the school has no devices");
            return null;
        }
        Set<DeviceKind> seen = EnumSet.noneOf(DeviceKind.class);
        List<Device> devices = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String path = "devices[" + i + "]";
            DeviceInput line = lines.get(i);
            if (line == null) {
                checks.add(path, RejectionReason.MALFORMED, path + " must be an object {kind, total, forTeaching, needsReplacement}");
                continue;
            }
            DeviceKind kind = checks.oneOf(path + ".kind", line.kind(), DeviceKind.class);
            if (kind != null && !seen.add(kind)) {
                checks.add(path + ".kind", RejectionReason.MALFORMED, "devices lists " + kind + " more than once; send one line per kind");
            }
            Integer total = count(path + ".total", line.total(), checks);
            Integer forTeaching = partOf(path + ".forTeaching", line.forTeaching(), total, checks);
            Integer needsReplacement = partOf(path + ".needsReplacement", line.needsReplacement(), total, checks);
            if (kind != null && total != null && forTeaching != null && needsReplacement != null) {
                devices.add(new Device(kind, total, forTeaching, needsReplacement));
            }
        }
        return devices;
    }

    private static Integer count(String field, String value, FieldChecks checks) {
        return checks.wholeNumber(field, value, 0, MAX_COUNT, RejectionReason.MALFORMED);
    }

    private static Integer partOf(String field, String value, Integer total, FieldChecks checks) {
        Integer part = count(field, value, checks);
        if (part != null && total != null && part > total) {
            checks.add(field, RejectionReason.MALFORMED, field + " must not exceed total " + total + ", was " + part);
            return null;
        }
        return part;
    }

    private static Internet internet(InternetInput in, FieldChecks checks) {
        if (in == null) {
            checks.add("internet", RejectionReason.MALFORMED, "internet is required: {connected, downloadMbps, technology}");
            return null;
        }
        Boolean connected = connected(in.connected(), checks);
        BigDecimal mbps = mbps(in.downloadMbps(), checks);
        InternetTechnology technology = checks.oneOf("internet.technology", in.technology(), InternetTechnology.class);
        if (Boolean.FALSE.equals(connected)) {
            if (technology != null && technology != InternetTechnology.NONE) {
                checks.add("internet.technology", RejectionReason.MALFORMED,
                        "internet.technology must be NONE when connected is false, was " + technology);
            }
            if (mbps != null && mbps.signum() != 0) {
                checks.add("internet.downloadMbps", RejectionReason.MALFORMED,
                        "internet.downloadMbps must be 0 when connected is false, was " + mbps.toPlainString());
            }
        } else if (Boolean.TRUE.equals(connected) && technology == InternetTechnology.NONE) {
            checks.add("internet.technology", RejectionReason.MALFORMED, "internet.technology must not be NONE when"
                    + " connected is true; one of FIBER, DSL, SATELLITE, MOBILE, RADIO");
        }
        return connected == null || mbps == null || technology == null ? null : new Internet(connected, mbps, technology);
    }

    private static Boolean connected(String value, FieldChecks checks) {
        String text = checks.required("internet.connected", value, "true or false");
        if (text == null) {
            return null;
        }
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        checks.add("internet.connected", RejectionReason.MALFORMED,
                "internet.connected must be true or false, was '" + Redaction.echo(text) + "'");
        return null;
    }

    private static BigDecimal mbps(String value, FieldChecks checks) {
        String text = checks.required("internet.downloadMbps", value, "a number 0.." + MAX_MBPS);
        if (text == null) {
            return null;
        }
        BigDecimal mbps = null;
        try {
            mbps = text.length() <= MAX_NUMBER_TEXT ? new BigDecimal(text) : null;
        } catch (NumberFormatException e) {
            // reported below
        }
        if (mbps == null || mbps.signum() < 0 || mbps.compareTo(MAX_MBPS) > 0) {
            checks.add("internet.downloadMbps", RejectionReason.MALFORMED,
                    "internet.downloadMbps must be a number 0.." + MAX_MBPS + ", was '" + Redaction.echo(text) + "'");
            return null;
        }
        return mbps.scale() < 0 ? mbps.setScale(0) : mbps;
    }
}
