package kz.nobd.report.api;

import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.inject.Inject;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import kz.nobd.report.domain.Level;

/**
 * Times every report request from its matching to its answer (before the body is written):
 * {@code nobd_report_query_seconds{endpoint, level, status}}, with buckets for percentiles. {@code endpoint} is the
 * path template, {@code level} the level asked for (NATIONAL when the parameter is absent, as the endpoints read it;
 * {@code none} on endpoints without one; {@code invalid} for a value that is no level, so bad input adds no series).
 */
public class QueryTimings {
    static final String TIMER = "nobd_report_query";
    private static final String STARTED = QueryTimings.class.getName() + ".started";
    private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10),
        Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100), Duration.ofMillis(250),
        Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5)};

    @Inject
    MeterRegistry meters;

    private final Map<Method, Endpoint> endpoints = new ConcurrentHashMap<>();

    /** A resource method's path template and whether it takes a {@code level} parameter. */
    private record Endpoint(String template, boolean hasLevel) {
        static Endpoint of(Class<?> type, Method method) {
            Path base = type.getAnnotation(Path.class);
            Path sub = method.getAnnotation(Path.class);
            boolean hasLevel = Arrays.stream(method.getParameters()).anyMatch(p -> isLevel(p.getAnnotation(
                    QueryParam.class)) || p.isAnnotationPresent(BeanParam.class) && Arrays.stream(p.getType()
                            .getFields()).anyMatch(f -> isLevel(f.getAnnotation(QueryParam.class))));
            return new Endpoint((base == null ? "" : base.value()) + (sub == null ? "" : sub.value()), hasLevel);
        }

        private static boolean isLevel(QueryParam q) {
            return q != null && q.value().equals("level");
        }

        String level(String value) {
            if (!hasLevel) {
                return "none";
            }
            if (value == null || value.isBlank()) {
                return Level.NATIONAL.name();
            }
            try {
                return Level.valueOf(value.strip().toUpperCase(Locale.ROOT)).name();
            } catch (IllegalArgumentException e) {
                return "invalid";
            }
        }
    }

    @ServerRequestFilter
    public void start(ContainerRequestContext request) {
        request.setProperty(STARTED, System.nanoTime());
    }

    @ServerResponseFilter
    public void stop(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        Object started = request.getProperty(STARTED);
        Method method = resource.getResourceMethod();
        if (!(started instanceof Long nanos) || method == null) {
            return;
        }
        Endpoint endpoint = endpoints.computeIfAbsent(method, m -> Endpoint.of(resource.getResourceClass(), m));
        Timer.builder(TIMER).description("report requests from matching to answer, by endpoint and level")
                .tag("endpoint", endpoint.template())
                .tag("level", endpoint.level(request.getUriInfo().getQueryParameters().getFirst("level")))
                .tag("status", Integer.toString(response.getStatus()))
                .serviceLevelObjectives(BUCKETS).register(meters)
                .record(System.nanoTime() - nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }
}
