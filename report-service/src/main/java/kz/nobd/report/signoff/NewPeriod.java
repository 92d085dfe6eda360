package kz.nobd.report.signoff;

import java.time.LocalDate;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of POST /api/v1/periods. */
@Schema(description = "A reporting period to open")
public record NewPeriod(
        @Schema(required = true, enumeration = {"ENROLMENT", "EQUIPMENT"}) String kind,
        @Schema(required = true, maxLength = 200, example = "enrolment 2026-2027") String name,
        @Schema(required = true, format = "date", example = "2026-10-01") LocalDate censusDate,
        @Schema(required = true, format = "date", example = "2026-10-10") LocalDate submissionDeadline,
        @Schema(required = true, format = "date", example = "2026-10-20") LocalDate acceptanceDeadline) {
}
