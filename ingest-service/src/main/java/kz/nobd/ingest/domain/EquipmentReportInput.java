package kz.nobd.ingest.domain;

import java.util.List;

/** An equipment and connectivity report as it arrives, every scalar as text (JSON numbers and booleans too). */
public record EquipmentReportInput(
        String reportId,
        String schoolBin,
        String asOf,
        List<DeviceInput> devices,
        InternetInput internet) {

    /** One line of the device list: how many of a kind, how many used for teaching, how many need replacing. */
    public record DeviceInput(String kind, String total, String forTeaching, String needsReplacement) {
    }

    public record InternetInput(String connected, String downloadMbps, String technology) {
    }
}
