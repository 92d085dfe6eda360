package kz.nobd.dashboard.api;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import kz.nobd.dashboard.service.CompletenessViews;
import kz.nobd.dashboard.service.TrendViews;
import kz.nobd.dashboard.view.CompletenessView;
import kz.nobd.dashboard.view.Level;
import kz.nobd.dashboard.view.TrendView;

/**
 * The parts of a page that take longer than its first view (a year of past dates, a period's list of schools): the
 * page asks for them after it is shown (static/dashboard.js) and puts the HTML in its section.
 */
@Path("/fragments")
@Produces(MediaType.TEXT_HTML)
public class FragmentResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance trend(TrendView trend, String csv, Frame frame);

        static native TemplateInstance completeness(CompletenessView completeness, String csv, Frame frame);
    }

    @Inject
    TrendViews trends;

    @Inject
    CompletenessViews completeness;

    @Inject
    PageContext context;

    @GET
    @Path("/trend")
    public Uni<TemplateInstance> trend(@QueryParam("level") String level, @QueryParam("kato") String kato,
            @QueryParam("bin") String bin) {
        Unit unit = Unit.of(level, kato, bin);
        Frame frame = context.frame();
        return trends.of(unit.level(), unit.kato(), unit.bin(), context.texts())
                .map(t -> Templates.trend(t, "/csv/trend?" + unit.query(), frame).setLocale(context.texts().locale()));
    }

    @GET
    @Path("/completeness")
    public Uni<TemplateInstance> completeness(@QueryParam("level") String level, @QueryParam("kato") String kato) {
        Unit unit = Unit.of(level, kato, null);
        Frame frame = context.frame();
        return completeness.of(unit.kato(), context.texts().locale())
                .map(c -> Templates.completeness(c, "/csv/completeness?" + unit.query(), frame)
                        .setLocale(context.texts().locale()));
    }

    /** the unit a fragment or a download is about, checked */
    record Unit(Level level, String kato, String bin) {
        static Unit of(String level, String kato, String bin) {
            Level l = PageParams.level(level);
            return new Unit(l, l == Level.NATIONAL || l == Level.SCHOOL ? null : PageParams.kato(kato),
                    l == Level.SCHOOL ? PageParams.bin(bin) : null);
        }

        String query() {
            return "level=" + level + (kato == null ? "" : "&kato=" + kato) + (bin == null ? "" : "&bin=" + bin);
        }
    }
}
