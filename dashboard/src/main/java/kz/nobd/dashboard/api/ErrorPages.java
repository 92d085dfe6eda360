package kz.nobd.dashboard.api;

import java.net.ConnectException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeoutException;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.ClientWebApplicationException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * The dashboard's one error mapper: a browser gets an HTML page in its language, any other client problem+json.
 * An API's refusal is the page's (404 outside the user's jurisdiction, 403 for the role, 400); an API that does not
 * answer is a 503 with Retry-After, never a 500.
 */
public class ErrorPages {
    private static final Logger LOG = Logger.getLogger(ErrorPages.class);
    static final String RETRY_AFTER_SECONDS = "5";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String detail, Frame frame);
    }

    @Inject
    PageContext context;

    @ServerExceptionMapper
    public Response refused(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unavailable(e, headers, uri);
        }
        return respond(status, e instanceof ClientWebApplicationException ? upstream(status) : e.getMessage(), headers,
                uri);
    }

    /** what an API's refusal means to the reader (the API's own words stay in its answer) */
    static String upstream(int status) {
        return switch (status) {
            case 404 -> "not found, or not in your jurisdiction";
            case 403 -> "your role may not see this";
            case 401 -> "your sign-in has expired: open the page again";
            default -> "the request was refused (" + status + ")";
        };
    }

    @ServerExceptionMapper({ProcessingException.class, ConnectException.class, TimeoutException.class})
    public Response unavailable(Exception e, HttpHeaders headers, UriInfo uri) {
        LOG.warnf("%s: an API did not answer: %s", uri.getPath(), e.toString());
        Response r = respond(503, "an API of NOBD does not answer; retry in a few seconds", headers, uri);
        return Response.fromResponse(r).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }

    private Response respond(int status, String detail, HttpHeaders headers, UriInfo uri) {
        boolean browser = headers.getAcceptableMediaTypes().stream().anyMatch(t -> t.isCompatible(MediaType.TEXT_HTML_TYPE)
                && !t.isWildcardType());
        if (browser) {
            String html = Templates.error(status, detail, context.frame()).setLocale(context.texts().locale()).render();
            return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
        }
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "urn:nobd:problem:" + status);
        problem.put("title", Response.Status.fromStatusCode(status) == null ? "Error"
                : Response.Status.fromStatusCode(status).getReasonPhrase());
        problem.put("status", status);
        problem.put("detail", detail);
        problem.put("instance", uri.getPath());
        return Response.status(status).type("application/problem+json").entity(problem).build();
    }
}
