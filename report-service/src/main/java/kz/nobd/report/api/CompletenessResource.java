package kz.nobd.report.api;

import java.time.LocalDate;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.nobd.report.service.Completeness;
import kz.nobd.report.service.CompletenessReport;
import kz.nobd.report.service.Jurisdiction;
import kz.nobd.report.signoff.PeriodCompleteness;
import kz.nobd.report.signoff.Returns;
import kz.nobd.support.FieldError;
import kz.nobd.support.ValidationException;
import kz.nobd.support.Caller;

/**
 * Which OPEN schools were expected to report a kind since a date, how many did, which did not. {@code since}
 * defaults to the start of the current school year (1 September).
 */
@Path("/api/v1/completeness")
@Produces({MediaType.APPLICATION_JSON, "text/csv"})
@RolesAllowed({Caller.MINISTRY, Caller.OBLAST})
@Tag(name = "completeness", description = "Which schools were expected to report, and which did not")
public class CompletenessResource {
    @Inject
    ReportParams params;
    @Inject
    ReportResponses responses;
    @Inject
    Completeness completeness;
    @Inject
    Returns signoff;

    @GET
    @Operation(operationId = "completeness", summary = "Completeness of one kind of submission",
            description = "OPEN general-education schools of the caller's jurisdiction (and `kato`) expected to report"
                    + " `kind` since `since`, how many did, and the list of those that did not (CSV: that list)."
                    + " Audited.")
    @APIResponse(responseCode = "200", description = "The completeness", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(oneOf = {CompletenessReport.class, PeriodCompleteness.class})),
            @Content(mediaType = ApiSchemas.CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "404", description = "A `kato` outside the caller's jurisdiction.")
    public Response completeness(
            @Parameter(description = "enrolment or equipment (required without period)", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"enrolment", "equipment"})) @QueryParam("kind") String kind,
            @Parameter(description = ApiSchemas.KATO, schema = @Schema(type = SchemaType.STRING,
                    pattern = ApiSchemas.KATO_PATTERN)) @QueryParam("kato") String kato,
            @Parameter(description = "Submissions received on or after this day count (default: the last 1 September)",
                    schema = @Schema(type = SchemaType.STRING, format = "date")) @QueryParam("since") String since,
            @Parameter(description = "A reporting period's id: instead of submissions since a date, how many of the"
                    + " period's schools are DRAFT, SIGNED, ACCEPTED, RETURNED, LOCKED, and which (kind and since are"
                    + " then left out)", schema = @Schema(type = SchemaType.STRING, format = "uuid"))
            @QueryParam("period") String period) {
        Jurisdiction j = responses.jurisdiction();
        if (period != null && !period.isBlank()) {
            if (kind != null || since != null) {
                throw new ValidationException(List.of(new FieldError(kind != null ? "kind" : "since",
                        "with period, leave kind and since out: the period says both")));
            }
            PeriodCompleteness returns = signoff.completeness(period, params.kato(kato), j);
            return responses.answer(j, returns, true, returns.returns().size());
        }
        LocalDate today = params.today();
        LocalDate yearStart = LocalDate.of(today.getMonthValue() >= 9 ? today.getYear() : today.getYear() - 1, 9, 1);
        CompletenessReport report = completeness.report(params.kind(kind), params.kato(kato),
                params.date("since", since, yearStart), j);
        // the list names schools: a school-level read
        return responses.answer(j, report, true, report.missing().size());
    }
}
