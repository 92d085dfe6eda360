package kz.nobd.contracts.events;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import kz.nobd.contracts.Nullable;

/**
 * The value of {@code ingest.equipment.v1}: a school's devices by kind (each kind at most once) and its internet
 * connection as of a date. {@code batchId} and {@code batchIndex} (0) name the REST submission it came in (absent
 * for an outside producer's report). As for {@link EnrolmentInputEvent}, ingest's consumer reads the fields as text
 * first (kz.nobd.ingest.domain.EquipmentReportInput) so that bad input becomes a rejection with its reason.
 */
public record EquipmentInputReport(
        UUID reportId,
        String schoolBin,
        LocalDate asOf,
        List<Device> devices,
        Internet internet,
        @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) UUID batchId,
        @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) Integer batchIndex) {
}
