package kz.nobd.support;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refusals made before a request reaches the REST layer, as problem+json like every other 4xx (Vert.x and Quarkus
 * would answer them with an empty body):
 * <ul>
 * <li>413 when Content-Length exceeds {@code quarkus.http.limits.max-body-size} (the route runs before the one
 * Quarkus registers for that limit);</li>
 * <li>414 when the request URI is longer than {@link #MAX_URI_LENGTH} characters (Vert.x's own line limit,
 * {@code quarkus.http.limits.max-initial-line-length}, is set above it so that such a request gets here);</li>
 * <li>415 for a body sent without a Content-Type under {@code /api/}: it is not taken for JSON.</li>
 * </ul>
 */
@ApplicationScoped
public class HttpLimits {
    /** Longest request URI (path and query) answered; longer is 414. */
    public static final int MAX_URI_LENGTH = 8192;
    /** How much of the path a refusal repeats as its {@code instance}. */
    private static final int MAX_INSTANCE = 120;

    @Inject
    ObjectMapper mapper;
    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        router.route().order(-3).handler(this::check);
    }

    /** The media type an endpoint under {@code path} accepts. */
    public static String acceptedMediaType(String path) {
        return path != null && path.endsWith("/import") ? "text/csv (UTF-8)" : "application/json";
    }

    void check(RoutingContext context) {
        var request = context.request();
        String uri = request.uri();
        if (uri.length() > MAX_URI_LENGTH) {
            refuse(context, 414, "URI too long", "the request URI has " + uri.length() + " characters; at most "
                    + MAX_URI_LENGTH + " are accepted (send long filters in fewer, shorter parameters)");
            return;
        }
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        long limit = maxBodySize.asLongValue();
        if (length != null && length.matches("\\d{1,18}") && Long.parseLong(length) > limit) {
            refuse(context, 413, "Payload too large", "the body has " + length + " bytes; this service accepts at most "
                    + limit + " bytes in one request (each endpoint's own, smaller limit is in the API guide)");
            return;
        }
        boolean hasBody = length != null ? !length.equals("0") : request.getHeader(HttpHeaders.TRANSFER_ENCODING) != null;
        HttpMethod method = request.method();
        if (hasBody && request.getHeader(HttpHeaders.CONTENT_TYPE) == null && request.path().startsWith("/api/")
                && (method == HttpMethod.POST || method == HttpMethod.PUT || method == HttpMethod.PATCH)) {
            refuse(context, 415, "Unsupported Media Type", "the request has a body but no Content-Type header; this"
                    + " endpoint accepts Content-Type " + acceptedMediaType(request.path()));
            return;
        }
        context.next();
    }

    private void refuse(RoutingContext context, int status, String title, String detail) {
        String path = context.request().path();
        String instance = path == null ? null : path.length() > MAX_INSTANCE ? path.substring(0, MAX_INSTANCE) + "..." : path;
        String body;
        try {
            body = mapper.writeValueAsString(Problem.of(status, title, detail, instance, List.of()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        var response = context.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
        if (status == 413 || status == 414) {
            // the body (or the rest of the request) is not read: the connection cannot be reused
            response.putHeader(HttpHeaders.CONNECTION, "close");
        }
        response.end(body);
    }
}
