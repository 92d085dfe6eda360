package kz.nobd.dashboard.api;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import kz.nobd.dashboard.service.Languages;

/** The start page of each role, and the language switch. */
@Path("/")
public class HomeResource {
    static final int YEAR = 365 * 24 * 3600;

    @Inject
    PageContext context;

    /** ministry: the country; oblast: its oblast; school: its school; other roles have no dashboard (403) */
    @GET
    public Response home() {
        String home = context.viewer().home().orElseThrow(() -> new ForbiddenException(
                "the dashboard is for ministry, oblast and school users; other roles use the APIs"));
        return Response.seeOther(URI.create(home)).build();
    }

    /** sets the language (kk, ru) and goes back to the page it was chosen on */
    @GET
    @Path("/language/{code}")
    public Response language(@PathParam("code") String code, @QueryParam("back") String back) {
        if (!Languages.SUPPORTED.contains(code)) {
            throw new jakarta.ws.rs.NotFoundException("languages: " + String.join(", ", Languages.SUPPORTED));
        }
        String target = back != null && back.startsWith("/") && !back.startsWith("//") ? back : "/";
        NewCookie cookie = new NewCookie.Builder(Languages.COOKIE).value(code).path("/").maxAge(YEAR)
                .sameSite(NewCookie.SameSite.LAX).build();
        return Response.seeOther(URI.create(target)).cookie(cookie).build();
    }
}
