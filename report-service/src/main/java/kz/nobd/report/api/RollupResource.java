package kz.nobd.report.api;

import java.util.EnumSet;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import kz.nobd.report.domain.Dimension;
import kz.nobd.report.domain.Level;
import kz.nobd.report.service.EnrolmentRollups;
import kz.nobd.report.service.EquipmentRollups;
import kz.nobd.report.service.HeavyQueries;
import kz.nobd.report.service.Jurisdiction;
import kz.nobd.report.service.ResultCache;
import kz.nobd.report.service.RollupQuery;
import kz.nobd.report.service.RollupTable;
import kz.nobd.support.Caller;

/** Rollups of enrolment and equipment at NATIONAL, OBLAST, DISTRICT or SCHOOL level, as of a date. */
@Path("/api/v1/rollups")
@Produces({MediaType.APPLICATION_JSON, "text/csv"})
@RolesAllowed({Caller.MINISTRY, Caller.OBLAST, Caller.SCHOOL, Caller.REPORT_CONSUMER})
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

    @GET
    @Path("/enrolment")
    public Response enrolment(@QueryParam("level") String level, @QueryParam("kato") String kato,
            @QueryParam("bin") String bin, @QueryParam("asOf") String asOf, @QueryParam("by") String by,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        Jurisdiction j = responses.jurisdiction();
        RollupQuery query = params.rollup(level, kato, bin, asOf, by, page, size, EnumSet.allOf(Dimension.class));
        ResultCache.Answer<RollupTable> table = cache.get(ResultCache.Key.of("enrolment", query, j),
                heavy.isHeavy(query, j), () -> enrolment.rollup(query, j));
        return responses.answer(j, table, query.level() == Level.SCHOOL, table.value().rows().size());
    }

    @GET
    @Path("/equipment")
    public Response equipment(@QueryParam("level") String level, @QueryParam("kato") String kato,
            @QueryParam("bin") String bin, @QueryParam("asOf") String asOf, @QueryParam("by") String by,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        Jurisdiction j = responses.jurisdiction();
        RollupQuery query = params.rollup(level, kato, bin, asOf, by, page, size, EQUIPMENT_BY);
        ResultCache.Answer<RollupTable> table = cache.get(ResultCache.Key.of("equipment", query, j),
                heavy.isHeavy(query, j), () -> equipment.rollup(query, j));
        return responses.answer(j, table, query.level() == Level.SCHOOL, table.value().rows().size());
    }
}
