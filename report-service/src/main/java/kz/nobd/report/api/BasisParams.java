package kz.nobd.report.api;

import java.util.List;

import jakarta.ws.rs.QueryParam;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;

import kz.nobd.contracts.events.SignoffKind;
import kz.nobd.report.service.Jurisdiction;
import kz.nobd.report.signoff.ConfirmedFigures;
import kz.nobd.support.FieldError;
import kz.nobd.support.ValidationException;

/**
 * Which figures a rollup or card is made of ({@code basis}, {@code period}; docs/signoff.md, "Official figures"), as a
 * {@code @BeanParam}: today's (live, the default) or a period's confirmed ones, as of its census date.
 */
public class BasisParams {
    @Parameter(description = "live: today's figures (the default; refused to report-consumer); confirmed: the signed "
            + "figures of the ACCEPTED and LOCKED returns of a period, as of its census date (report-consumer: LOCKED "
            + "periods only, and confirmed is its default)",
            schema = @Schema(type = SchemaType.STRING, enumeration = {"live", "confirmed"}))
    @QueryParam("basis")
    public String basis;

    @Parameter(description = "With basis=confirmed: the period's id (default: the latest period of the report's kind; "
            + "for report-consumer the latest LOCKED one)", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
    @QueryParam("period")
    public String period;

    /**
     * The confirmed figures asked for, or null for live; with confirmed figures {@code asOf} must be absent (the
     * period's census date is the date).
     */
    ConfirmedFigures.Confirmed resolve(ConfirmedFigures figures, SignoffKind kind, Jurisdiction j, UnitParams unit) {
        return resolve(figures, kind, j, unit.asOf);
    }

    ConfirmedFigures.Confirmed resolve(ConfirmedFigures figures, SignoffKind kind, Jurisdiction j, String asOf) {
        ConfirmedFigures.Confirmed confirmed = figures.resolve(basis, period, kind, j);
        if (confirmed != null && asOf != null && !asOf.isBlank()) {
            throw new ValidationException(List.of(new FieldError("asOf", "confirmed figures are as of their period's "
                    + "census date (" + confirmed.period().censusDate() + "): leave asOf out")));
        }
        return confirmed;
    }

    /** The date of the answer: the period's census date, or {@code asOf} as given. */
    static String asOf(ConfirmedFigures.Confirmed confirmed, UnitParams unit) {
        return asOf(confirmed, unit.asOf);
    }

    static String asOf(ConfirmedFigures.Confirmed confirmed, String asOf) {
        return confirmed == null ? asOf : confirmed.period().censusDate().toString();
    }

    /** The cache key part of the figures: live, or the period and its state. */
    static String key(ConfirmedFigures.Confirmed confirmed) {
        return confirmed == null ? "live" : confirmed.key();
    }
}
