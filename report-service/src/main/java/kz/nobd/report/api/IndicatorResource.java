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
import kz.nobd.report.service.IndicatorCard;
import kz.nobd.report.service.Indicators;
import kz.nobd.report.service.Jurisdiction;
import kz.nobd.report.service.ResultCache;
import kz.nobd.report.service.HeavyQueries;
import kz.nobd.report.service.RollupQuery;
import kz.nobd.support.Caller;

/** The headline indicator card of one unit (country, oblast, district, school) with the urban/rural split. */
@Path("/api/v1/indicators")
@Produces({MediaType.APPLICATION_JSON, "text/csv"})
@RolesAllowed({Caller.MINISTRY, Caller.OBLAST, Caller.SCHOOL, Caller.REPORT_CONSUMER})
public class IndicatorResource {
    @Inject
    ReportParams params;
    @Inject
    ReportResponses responses;
    @Inject
    Indicators indicators;
    @Inject
    ResultCache cache;
    @Inject
    HeavyQueries heavy;

    @GET
    public Response card(@QueryParam("level") String level, @QueryParam("kato") String kato,
            @QueryParam("bin") String bin, @QueryParam("asOf") String asOf) {
        Jurisdiction j = responses.jurisdiction();
        RollupQuery query = params.rollup(level, kato, bin, asOf, null, null, null, EnumSet.noneOf(Dimension.class));
        ResultCache.Answer<IndicatorCard> card = cache.get(ResultCache.Key.of("indicators", query, j),
                heavy.isHeavyCard(query, j), () -> indicators.card(query, j));
        return responses.answer(j, card, query.level() == Level.SCHOOL, 1);
    }
}
