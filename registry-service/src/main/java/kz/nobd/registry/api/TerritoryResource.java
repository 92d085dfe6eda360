package kz.nobd.registry.api;

import java.util.Optional;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import kz.nobd.registry.domain.TerritoryLevel;
import kz.nobd.support.Caller;
import kz.nobd.support.Paging;
import kz.nobd.support.UsesDatabase;
import kz.nobd.registry.service.Page;
import kz.nobd.registry.repository.TerritoryRepository;

/** The KATO reference, readable by every role. */
@UsesDatabase
@Path("/api/v1/territories")
@Produces(MediaType.APPLICATION_JSON)
public class TerritoryResource {
    @Inject
    TerritoryRepository territories;

    @GET
    @RolesAllowed({Caller.MINISTRY, Caller.OBLAST, Caller.SCHOOL, Caller.REPORT_CONSUMER})
    public Page<TerritoryView> list(@QueryParam("level") String level, @QueryParam("parent") String parent,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        TerritoryLevel lvl = QueryParams.enumValue("level", level, TerritoryLevel.class);
        String parentKato = QueryParams.kato("parent", parent);
        Paging paging = QueryParams.paging(page, size);
        return Page.of(territories.list(Optional.ofNullable(lvl), Optional.ofNullable(parentKato)), paging.page(),
                paging.size()).map(TerritoryView::of);
    }
}
