package kz.nobd.report.api;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.nobd.report.service.AuditLog;
import kz.nobd.report.service.HeavyQueries;
import kz.nobd.contracts.events.SignoffKind;
import kz.nobd.report.service.Jurisdiction;
import kz.nobd.report.signoff.ConfirmedFigures;
import kz.nobd.report.service.ResultCache;
import kz.nobd.report.service.RollupQuery;
import kz.nobd.report.service.SdmxEnrolment;
import kz.nobd.report.service.SdmxMessage;
import kz.nobd.support.Caller;
import kz.nobd.support.CsvFormat;

/**
 * SDMX data messages for statistics offices (docs/report.md, "SDMX export"): enrolment by ISCED level, sex and
 * locality per oblast or district on a date, as SDMX-CSV 2.0. The same callers, jurisdiction, suppression, cache
 * and turns for heavy queries as the enrolment rollup it is made of; every message is an export, so it is audited.
 */
@Path("/api/v1/sdmx/data")
@Tag(name = "sdmx", description = "Statistical data messages (SDMX-CSV 2.0) for statistics offices")
@RolesAllowed({Caller.MINISTRY, Caller.OBLAST, Caller.SCHOOL, Caller.REPORT_CONSUMER})
public class SdmxResource {
    @Inject
    ReportParams params;
    @Inject
    ReportResponses responses;
    @Inject
    SdmxEnrolment sdmx;
    @Inject
    ResultCache cache;
    @Inject
    HeavyQueries heavy;
    @Inject
    ConfirmedFigures figures;
    @Inject
    AuditLog audit;
    @Context
    HttpHeaders headers;
    @Context
    UriInfo uri;

    @GET
    @Path("/enrolment")
    @Operation(operationId = "sdmxEnrolment", summary = "Enrolment by ISCED level, sex and locality as SDMX-CSV 2.0",
            description = "Dataflow " + SdmxMessage.STRUCTURE_ID + " per oblast or district on a date (docs/report.md,"
                    + " \"SDMX export\"); the same callers, jurisdiction and suppression as the enrolment rollup.")
    @APIResponse(responseCode = "200", description = "an SDMX-CSV 2.0 data message of dataflow "
            + SdmxMessage.STRUCTURE_ID + "; any other Accept is a 406", content = {
                @Content(mediaType = SdmxFormat.SDMX_CSV, schema = @Schema(type = SchemaType.STRING)),
                @Content(mediaType = "text/csv", schema = @Schema(type = SchemaType.STRING))})
    public Response enrolment(
            @Parameter(description = "OBLAST (default) or DISTRICT", schema = @Schema(type = SchemaType.STRING,
                    enumeration = {"OBLAST", "DISTRICT"})) @QueryParam("level") String level,
            @Parameter(description = ApiSchemas.KATO, schema = @Schema(type = SchemaType.STRING,
                    pattern = ApiSchemas.KATO_PATTERN)) @QueryParam("kato") String kato,
            @Parameter(description = ApiSchemas.AS_OF, schema = @Schema(type = SchemaType.STRING, format = "date"))
            @QueryParam("asOf") String asOf, @BeanParam BasisParams basis) {
        SdmxFormat format = SdmxFormat.of(headers.getAcceptableMediaTypes());
        Jurisdiction j = responses.jurisdiction();
        BasisParams.Basis on = basis.apply(figures, SignoffKind.ENROLMENT, j, () -> params.sdmx(level, kato, asOf), asOf);
        RollupQuery query = on.query();
        SdmxMessage message = cache.get(ResultCache.Key.of("sdmx-enrolment", List.of(query, on.key()), j),
                heavy.isHeavy(query, j), () -> sdmx.message(query, j, on.confirmed())).value();
        audit.record(j, uri.getPath(), uri.getRequestUri().getRawQuery(), format.name, message.rows().size());
        return Response.ok(ReportResponses.csvBody(CsvFormat.rfc4180(), message), format.mediaType).build();
    }
}
