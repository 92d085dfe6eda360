package kz.nobd.registry.api;

import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import kz.nobd.registry.domain.TerritoryLevel;
import kz.nobd.support.PageParams;
import kz.nobd.support.Caller;
import kz.nobd.support.Paging;
import kz.nobd.support.UsesDatabase;
import kz.nobd.registry.service.Page;
import kz.nobd.registry.repository.TerritoryRepository;

/** The KATO reference, readable by every role. */
@UsesDatabase
@Path("/api/v1/territories")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "territories", description = "The KATO reference")
public class TerritoryResource {
    @Inject
    TerritoryRepository territories;

    @GET
    @RolesAllowed({Caller.MINISTRY, Caller.OBLAST, Caller.SCHOOL, Caller.REPORT_CONSUMER})
    @Operation(operationId = "listTerritories", summary = "KATO territories")
    @APIResponse(responseCode = "200", description = "One page", content = @Content(mediaType = MediaType.APPLICATION_JSON,
            schema = @Schema(implementation = ApiSchemas.TerritoryPage.class)))
    public Page<TerritoryView> list(
            @Parameter(schema = @Schema(implementation = TerritoryLevel.class)) @QueryParam("level") String level,
            @Parameter(description = "Children of this KATO code (9 digits)", schema = @Schema(type = SchemaType.STRING,
                    pattern = ApiSchemas.KATO_PATTERN)) @QueryParam("parent") String parent,
            @BeanParam PageParams rows) {
        TerritoryLevel lvl = QueryParams.enumValue("level", level, TerritoryLevel.class);
        String parentKato = QueryParams.kato("parent", parent);
        Paging paging = rows.paging(QueryParams.DEFAULT_SIZE);
        return Page.of(territories.list(Optional.ofNullable(lvl), Optional.ofNullable(parentKato)), paging.page(),
                paging.size()).map(TerritoryView::of);
    }
}
