package kz.nobd.dashboard.api;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import kz.nobd.dashboard.service.SchoolPages;
import kz.nobd.dashboard.view.SchoolPage;

/** One school's page (a school user's own; others by drill-down within their jurisdiction). */
@Path("/school")
@Produces(MediaType.TEXT_HTML)
public class SchoolResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance school(SchoolPage page, Frame frame);
    }

    @Inject
    SchoolPages pages;

    @Inject
    PageContext context;

    @GET
    @Path("/{bin}")
    public Uni<TemplateInstance> school(@PathParam("bin") String bin) {
        Frame frame = context.frame();
        return pages.page(PageParams.bin(bin), frame.viewer(), context.texts())
                .map(page -> Templates.school(page, frame).setLocale(context.texts().locale()));
    }
}
