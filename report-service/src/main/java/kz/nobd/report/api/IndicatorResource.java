package kz.nobd.report.api;

import java.util.EnumSet;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.nobd.contracts.events.SignoffKind;
import kz.nobd.report.domain.Dimension;
import kz.nobd.report.signoff.ConfirmedFigures;
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
@Tag(name = "indicators", description = "The headline indicator card of one unit")
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
    @Inject
    ConfirmedFigures figures;

    @GET
    @Operation(operationId = "indicatorCard", summary = "The indicator card of one unit",
            description = "All OPEN schools of the unit, the urban and the rural ones, and the urban/rural gap; CSV"
                    + " one line per segment. ministry: any unit; oblast: its oblast and below; report-consumer:"
                    + " NATIONAL, OBLAST, DISTRICT; school: its own school, and the DISTRICT and OBLAST cards of the"
                    + " district and oblast where its school is placed on the date (exact counts, as an oblast user"
                    + " reads them).")
    @APIResponse(responseCode = "200", description = "The card", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = kz.nobd.report.service.IndicatorCard.class)),
            @Content(mediaType = ApiSchemas.CSV, schema = @Schema(type = SchemaType.STRING))})
    @APIResponse(responseCode = "403", description = ApiSchemas.CARD_LEVEL_REFUSED)
    @APIResponse(responseCode = "404", description = ApiSchemas.CARD_OUTSIDE)
    @APIResponse(responseCode = "503", description = ApiSchemas.BUSY)
    public Response card(@BeanParam UnitParams unit, @BeanParam BasisParams basis) {
        Jurisdiction j = responses.jurisdiction();
        BasisParams.Basis on = basis.apply(figures, SignoffKind.EQUIPMENT, j, j::checkCardLevel, () -> params.rollup(
                unit.level, unit.kato, unit.bin, unit.asOf, null, null, null, EnumSet.noneOf(Dimension.class)),
                unit.asOf);
        RollupQuery query = on.query();
        // checked before the cache: a school's district or oblast card is kept under its oblast's scope
        Jurisdiction scope = indicators.scope(query, j);
        ResultCache.Answer<IndicatorCard> card = cache.get(ResultCache.Key.of("indicators", List.of(query, on.key()),
                scope), heavy.isHeavyCard(query, scope), () -> indicators.card(query, scope, on.confirmed()));
        return responses.answer(j, card, query.level() == Level.SCHOOL, 1);
    }
}
