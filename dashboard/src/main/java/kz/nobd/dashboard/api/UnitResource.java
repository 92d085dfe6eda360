package kz.nobd.dashboard.api;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import kz.nobd.dashboard.service.UnitPages;
import kz.nobd.dashboard.view.Indicator;
import kz.nobd.dashboard.view.Level;
import kz.nobd.dashboard.view.UnitPage;

/** The country (ministry), an oblast (its department, the ministry) and a district: card, map, bars, table. */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class UnitResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance unit(UnitPage page, Frame frame);
    }

    @Inject
    UnitPages pages;

    @Inject
    PageContext context;

    @GET
    @Path("/country")
    public Uni<TemplateInstance> country(@QueryParam("indicator") String indicator) {
        return page(Level.NATIONAL, null, indicator);
    }

    @GET
    @Path("/oblast/{kato}")
    public Uni<TemplateInstance> oblast(@PathParam("kato") String kato, @QueryParam("indicator") String indicator) {
        return page(Level.OBLAST, PageParams.kato(kato), indicator);
    }

    @GET
    @Path("/district/{kato}")
    public Uni<TemplateInstance> district(@PathParam("kato") String kato, @QueryParam("indicator") String indicator) {
        return page(Level.DISTRICT, PageParams.kato(kato), indicator);
    }

    private Uni<TemplateInstance> page(Level level, String kato, String indicator) {
        Frame frame = context.frame();
        return pages.page(level, kato, PageParams.indicator(indicator), frame.viewer(), context.texts())
                .map(page -> Templates.unit(page, frame).setLocale(context.texts().locale()));
    }
}
