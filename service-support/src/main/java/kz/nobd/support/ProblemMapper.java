package kz.nobd.support;

import java.util.List;
import java.util.Optional;

import jakarta.inject.Inject;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** The one place that turns failures into application/problem+json. */
public class ProblemMapper {
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    private static final String RETRY_AFTER_SECONDS = "5";

    /** Told when a request found the database unreachable, so that {@link DatabaseGate} refuses the next at once. */
    @Inject
    DependencyProbes probes;

    @ServerExceptionMapper
    public Response api(ApiException e, UriInfo uri) {
        Response.ResponseBuilder builder = Response.status(e.status()).type(Problem.MEDIA_TYPE).entity(Problem.of(
                e.status(), e.title(), e.getMessage(), uri == null ? null : uri.getPath(), e.errors(), e.reason()));
        if (e.status() == 503) {
            builder.header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
        }
        return builder.build();
    }

    @ServerExceptionMapper
    public Response unauthorized(UnauthorizedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e, UriInfo uri) {
        return unauthenticated(uri);
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return problem(403, "Forbidden", "your role may not do this; allowed roles are listed in /q/openapi", uri,
                List.of()).build();
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        return api(RequestBodies.invalidJson(e), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json, uri);
        }
        if (e instanceof NotSupportedException) {
            return problem(415, "Unsupported Media Type", "this endpoint accepts Content-Type "
                    + HttpLimits.acceptedMediaType(uri.getPath()), uri, List.of()).build();
        }
        String title = Response.Status.fromStatusCode(status) != null
                ? Response.Status.fromStatusCode(status).getReasonPhrase() : "Error";
        return problem(status, title, e.getMessage(), uri, List.of()).build();
    }

    @ServerExceptionMapper
    public Response persistence(PersistenceException e, UriInfo uri) {
        if ("23505".equals(Outages.sqlState(e))) {
            return problem(409, "Conflict", "the record already exists (a concurrent request created it)", uri,
                    List.of()).build();
        }
        return other(e, uri);
    }

    @ServerExceptionMapper
    public Response other(Exception e, UriInfo uri) {
        return Outages.describe(e).or(() -> databaseLost(e)).map(detail -> {
            LOG.warnf("%s: a dependency is unavailable: %s", uri.getPath(), e);
            if (Outages.databaseUnreachable(e)) {
                probes.database().markDown(e.getClass().getSimpleName() + ": " + e.getMessage());
            }
            return unavailable(detail, uri);
        }).orElseGet(() -> unexpected(e, uri));
    }

    /**
     * A failure of database work that names no outage (a commit or rollback on a connection the server dropped
     * surfaces as a transaction exception without SQL state) is an outage when the database does not answer now:
     * the probe runs at once (fault d met one such 500 in a CI run).
     */
    private Optional<String> databaseLost(Exception e) {
        if (!Outages.fromDatabaseWork(e)) {
            return Optional.empty();
        }
        probes.database().run();
        return probes.database().saidDown() ? Optional.of(Outages.DATABASE_UNAVAILABLE)
                : Optional.empty();
    }

    private static Response unexpected(Exception e, UriInfo uri) {
        LOG.error("unexpected failure on " + uri.getPath(), e);
        return problem(500, "Internal error", "an unexpected error occurred; it has been logged", uri, List.of())
                .build();
    }

    private static Response unavailable(String detail, UriInfo uri) {
        return problem(503, "Service unavailable", detail, uri, List.of())
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS).build();
    }

    private static Response unauthenticated(UriInfo uri) {
        return problem(401, "Unauthorized", "a valid bearer token from realm nobd is required", uri, List.of())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"nobd\"").build();
    }

    static Response.ResponseBuilder problem(int status, String title, String detail, UriInfo uri,
            List<FieldError> errors) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(Problem.of(status, title, detail, uri == null ? null : uri.getPath(), errors));
    }
}
