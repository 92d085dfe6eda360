package kz.nobd.report.api;

import java.util.EnumSet;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
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

import kz.nobd.contracts.events.SignoffKind;
import kz.nobd.report.domain.Dimension;
import kz.nobd.report.signoff.ConfirmedFigures;
import kz.nobd.report.domain.Level;
import kz.nobd.report.service.EnrolmentRollups;
import kz.nobd.report.service.EquipmentRollups;
import kz.nobd.report.service.HeavyQueries;
import kz.nobd.report.service.Jurisdiction;
import kz.nobd.report.service.ResultCache;
import kz.nobd.report.service.RollupQuery;
import kz.nobd.report.service.RollupTable;
import kz.nobd.support.PageParams;
import kz.nobd.support.Caller;

/** Rollups of enrolment and equipment at NATIONAL, OBLAST, DISTRICT or SCHOOL level, as of a date. */
@Path("/api/v1/rollups")
@Produces({MediaType.APPLICATION_JSON, "text/csv"})
@RolesAllowed({Caller.MINISTRY, Caller.OBLAST, Caller.SCHOOL, Caller.REPORT_CONSUMER})
@Tag(name = "rollups", description = "Student and equipment figures per unit, as of a date (JSON, or CSV)")
public class RollupResource {
    private static final EnumSet<Dimension> EQUIPMENT_BY = EnumSet.of(Dimension.LOCALITY, Dimension.TYPE,
            Dimension.OWNERSHIP);

    @Inject
    ReportParams params;
    @Inject
    ReportResponses responses;
    @Inject
    EnrolmentRollups enrolment;
    @Inject
    EquipmentRollups equipment;
    @Inject
    ResultCache cache;
    @Inject
    HeavyQueries heavy;
    @Inject
    ConfirmedFigures figures;

    @GET
    @Path("/enrolment")
    @Operation(operationId = "enrolmentRollup", summary = "Student counts per unit",
            description = "Rows of one page (500 rows by default) at the level, narrowed to the caller's jurisdiction; for report-consumer"
                    + " counts 1..4 are null with `suppressed: true`. School-level answers and CSV are audited.")
    @APIResponse(responseCode = "200", description = "Student counts per unit", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = kz.nobd.report.service.RollupTable.class)),
            @Content(mediaType = ApiSchemas.CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "403", description = ApiSchemas.LEVEL_REFUSED)
    @APIResponse(responseCode = "404", description = ApiSchemas.OUTSIDE)
    @APIResponse(responseCode = "503", description = ApiSchemas.BUSY)
    public Response enrolment(@BeanParam UnitParams unit, @BeanParam BasisParams basis,
            @Parameter(description = "Extra grouping: a comma-separated list of grade, sex, language, locality, type, ownership",
                    schema = @Schema(type = SchemaType.STRING)) @QueryParam("by") String by,
            @BeanParam PageParams rows) {
        Jurisdiction j = responses.jurisdiction();
        BasisParams.Basis on = basis.apply(figures, SignoffKind.ENROLMENT, j, () -> params.rollup(unit.level, unit.kato,
                unit.bin, unit.asOf, by, rows.page, rows.size, EnumSet.allOf(Dimension.class)), unit.asOf);
        RollupQuery query = on.query();
        ResultCache.Answer<RollupTable> table = cache.get(ResultCache.Key.of("enrolment", List.of(query, on.key()), j),
                heavy.isHeavy(query, j), () -> enrolment.rollup(query, j, on.confirmed()));
        return responses.answer(j, table, query.level() == Level.SCHOOL, table.value().rows().size());
    }

    @GET
    @Path("/equipment")
    @Operation(operationId = "equipmentRollup", summary = "Devices, connection and ratios per unit",
            description = "Rows of one page (500 rows by default) at the level, narrowed to the caller's jurisdiction; for report-consumer"
                    + " counts 1..4 are null with `suppressed: true`. School-level answers and CSV are audited.")
    @APIResponse(responseCode = "200", description = "Devices, connection and ratios per unit", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = kz.nobd.report.service.RollupTable.class)),
            @Content(mediaType = ApiSchemas.CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "403", description = ApiSchemas.LEVEL_REFUSED)
    @APIResponse(responseCode = "404", description = ApiSchemas.OUTSIDE)
    @APIResponse(responseCode = "503", description = ApiSchemas.BUSY)
    public Response equipment(@BeanParam UnitParams unit, @BeanParam BasisParams basis,
            @Parameter(description = "Extra grouping: a comma-separated list of locality, type, ownership",
                    schema = @Schema(type = SchemaType.STRING)) @QueryParam("by") String by,
            @BeanParam PageParams rows) {
        Jurisdiction j = responses.jurisdiction();
        BasisParams.Basis on = basis.apply(figures, SignoffKind.EQUIPMENT, j, () -> params.rollup(unit.level, unit.kato,
                unit.bin, unit.asOf, by, rows.page, rows.size, EQUIPMENT_BY), unit.asOf);
        RollupQuery query = on.query();
        ResultCache.Answer<RollupTable> table = cache.get(ResultCache.Key.of("equipment", List.of(query, on.key()), j),
                heavy.isHeavy(query, j), () -> equipment.rollup(query, j, on.confirmed()));
        return responses.answer(j, table, query.level() == Level.SCHOOL, table.value().rows().size());
    }
}
