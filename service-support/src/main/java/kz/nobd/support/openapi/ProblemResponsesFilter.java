package kz.nobd.support.openapi;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

import io.quarkus.smallrye.openapi.OpenApiFilter;
import kz.nobd.support.Caller;
import kz.nobd.support.HttpLimits;
import kz.nobd.support.Problem;

/**
 * Makes every service's OpenAPI document say what the problem mapper and {@link HttpLimits} really answer
 * (docs/api.md, "Status codes"): the {@code Problem} schema, and on every operation the error responses that can
 * occur, as application/problem+json with an example:
 * <ul>
 * <li>400 where the operation takes query parameters or a body (404 where it has a path parameter); 413 and 415 where it takes a body; 414, 500 and 503
 * (with {@code Retry-After}) everywhere;</li>
 * <li>401 (with {@code WWW-Authenticate}) on every secured operation, 403 where its roles (the scopes of its
 * security requirement, from {@code @RolesAllowed}) leave a role out;</li>
 * <li>a 4xx or 5xx declared on the resource with {@code @APIResponse(responseCode, description)} only gets the
 * problem content; a response that already has content is left alone.</li>
 * </ul>
 * Also fills an operationId ({@code <method><Path>}) and a tag (the first path segment after {@code /api/v1})
 * where the resource set none, and a relative server {@code /} (the service that served the document) when no
 * server is configured. Runs when the document is built, so the document stored by the build
 * ({@code quarkus.smallrye-openapi.store-schema-directory}) is the one served at {@code /q/openapi}.
 */
@OpenApiFilter(OpenApiFilter.RunStage.BUILD)
public class ProblemResponsesFilter implements OASFilter {
    /** Every role of realm nobd: an operation that allows fewer answers 403 to the others. */
    public static final Set<String> ALL_ROLES = Set.of(Caller.MINISTRY, Caller.OBLAST, Caller.SCHOOL,
            Caller.REPORT_CONSUMER);
    public static final String PROBLEM_SCHEMA = "Problem";
    public static final String FIELD_ERROR_SCHEMA = "FieldError";
    private static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM_SCHEMA;
    private static final String RETRY_AFTER_SECONDS = "5";

    @Override
    public void filterOpenAPI(OpenAPI api) {
        addSchemas(api);
        discoveryUrl(api);
        if (api.getServers() == null || api.getServers().isEmpty()) {
            api.addServer(OASFactory.createServer().url("/")
                    .description("this service: the address the document was read from"));
        }
        if (api.getPaths() == null || api.getPaths().getPathItems() == null) {
            return;
        }
        api.getPaths().getPathItems().forEach((path, item) -> item.getOperations()
                .forEach((method, operation) -> describe(path, method, operation, api)));
    }

    private static void describe(String path, PathItem.HttpMethod method, Operation operation, OpenAPI api) {
        if (operation.getOperationId() == null || operation.getOperationId().isBlank()) {
            operation.setOperationId(operationId(method, path));
        }
        if (operation.getTags() == null || operation.getTags().isEmpty()) {
            operation.addTag(tag(path));
        }
        if (operation.getResponses() == null) {
            operation.setResponses(OASFactory.createAPIResponses());
        }
        APIResponses responses = operation.getResponses();
        exportParameters(operation, responses);
        boolean hasBody = operation.getRequestBody() != null;
        // a bad path parameter is not found (404), a bad query parameter or body invalid (400)
        boolean hasParameters = hasBody || (operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.QUERY));
        Set<String> roles = roles(operation, api);
        boolean secured = roles != null;

        if (hasParameters) {
            ensure(responses, 400, "Invalid input: every bad field or parameter is listed in `errors`, with what is"
                    + " allowed.");
        }
        if (secured) {
            ensure(responses, 401, "No token, or a token that is invalid, expired, of another audience or not an"
                    + " access token.");
            responses.getAPIResponse("401").addHeader("WWW-Authenticate", OASFactory.createHeader()
                    .description("`Bearer realm=\"nobd\"`").schema(string()));
        }
        if (secured && !roles.isEmpty() && !roles.containsAll(ALL_ROLES)) {
            Set<String> refused = new TreeSet<>(ALL_ROLES);
            refused.removeAll(roles);
            String allowed = "Allowed roles: " + String.join(", ", new TreeSet<>(roles)) + "; "
                    + String.join(", ", refused) + " get 403.";
            APIResponse forbidden = responses.getAPIResponse("403");
            if (forbidden == null || isGenerated(forbidden)) {
                responses.addAPIResponse("403", OASFactory.createAPIResponse().description(
                        "Forbidden: the caller's role may never do this. " + allowed));
            } else if (!forbidden.getDescription().contains("Allowed roles")) {
                forbidden.setDescription(forbidden.getDescription() + " " + allowed);
            }
        } else if (responses.getAPIResponse("403") != null && isGenerated(responses.getAPIResponse("403"))) {
            // every role may call it and the resource declares no narrower rule: no 403 can occur
            responses.removeAPIResponse("403");
        }
        if (hasPathParameter(operation)) {
            ensure(responses, 404, "Not found, or outside the caller's jurisdiction (the same answer).");
        }
        if (hasBody) {
            ensure(responses, 413, "Payload too large: the body is over this endpoint's limit (or over 16 MiB).");
            ensure(responses, 415, "Unsupported media type: the body has another Content-Type, or none.");
        }
        ensure(responses, 414, "URI too long: the request URI is over " + HttpLimits.MAX_URI_LENGTH + " characters.");
        ensure(responses, 500, "An unexpected failure; it is logged, the body says only that.");
        ensure(responses, 503, "A dependency (database, Kafka, Keycloak) is down or a bounded queue is full: nothing"
                + " was accepted or changed; try again after `Retry-After` seconds.");
        responses.getAPIResponse("503").addHeader("Retry-After", OASFactory.createHeader()
                .description("Seconds to wait before trying again").schema(OASFactory.createSchema()
                        .addType(Schema.SchemaType.INTEGER).example(Integer.valueOf(RETRY_AFTER_SECONDS))));

        String field = firstParameter(operation);
        responses.getAPIResponses().forEach((code, response) -> {
            if (isError(code) && (response.getContent() == null || response.getContent().getMediaTypes() == null
                    || response.getContent().getMediaTypes().isEmpty())) {
                response.setContent(problemContent(Integer.parseInt(code), path, field));
            }
        });
        responses.setAPIResponses(new TreeMap<>(responses.getAPIResponses()));
    }

    /**
     * An operation answering JSON or CSV reads {@code format} and {@code lang} (service-support {@code CsvRequest}),
     * also where the resource method does not declare them: they are documented here, once.
     */
    private static void exportParameters(Operation operation, APIResponses responses) {
        APIResponse ok = responses.getAPIResponse("200");
        if (ok == null || ok.getContent() == null || ok.getContent().getMediaTypes() == null
                || !ok.getContent().getMediaTypes().containsKey("application/json")
                || !ok.getContent().getMediaTypes().containsKey("text/csv")) {
            return;
        }
        if (operation.getParameters() == null || operation.getParameters().stream()
                .noneMatch(p -> "format".equals(p.getName()))) {
            operation.addParameter(OASFactory.createParameter().name("format").in(Parameter.In.QUERY)
                    .description("json (default), csv (RFC 4180, for programs; also `Accept: text/csv`) or excel (BOM,"
                            + " `;`, headers in kk or ru, BIN and KATO kept as text, a file name in Content-Disposition)")
                    .schema(string().enumeration(List.of("json", "csv", "excel"))));
        }
        if (operation.getParameters().stream().noneMatch(p -> "lang".equals(p.getName()))) {
            operation.addParameter(OASFactory.createParameter().name("lang").in(Parameter.In.QUERY)
                    .description("The header language of format=excel: kk or ru (default: Accept-Language, else kk)")
                    .schema(string().enumeration(List.of("kk", "ru"))));
        }
    }

    private static boolean hasPathParameter(Operation operation) {
        return operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> p.getIn() == Parameter.In.PATH);
    }

    /** The parameter a 400 example names: the first query or path parameter, else a body field. */
    private static String firstParameter(Operation operation) {
        return operation.getParameters() == null ? "bin" : operation.getParameters().stream()
                .filter(p -> p.getIn() == Parameter.In.QUERY || p.getIn() == Parameter.In.PATH)
                .map(Parameter::getName).findFirst().orElse("bin");
    }

    /**
     * The OpenID Connect discovery URL of realm nobd as configured when the document is built (Quarkus replaces it
     * at run time with the one of the running service's {@code quarkus.oidc.auth-server-url}).
     */
    private static void discoveryUrl(OpenAPI api) {
        if (api.getComponents() == null || api.getComponents().getSecuritySchemes() == null) {
            return;
        }
        Optional<String> server = ConfigProvider.getConfig().getOptionalValue("quarkus.oidc.auth-server-url",
                String.class);
        api.getComponents().getSecuritySchemes().values().stream()
                .filter(s -> s.getType() == SecurityScheme.Type.OPENIDCONNECT && s.getOpenIdConnectUrl() == null)
                .forEach(s -> server.ifPresent(url -> s.setOpenIdConnectUrl(
                        url.replaceAll("/+$", "") + "/.well-known/openid-configuration")));
    }

    /** The roles of the operation's security requirements; null when it is not secured. */
    private static Set<String> roles(Operation operation, OpenAPI api) {
        List<SecurityRequirement> requirements = operation.getSecurity() != null ? operation.getSecurity()
                : api.getSecurity();
        if (requirements == null || requirements.isEmpty()) {
            return null;
        }
        Set<String> roles = new LinkedHashSet<>();
        requirements.forEach(r -> r.getSchemes().values().forEach(scopes -> {
            if (scopes != null) {
                roles.addAll(scopes);
            }
        }));
        return roles;
    }

    /** The 401 and 403 Quarkus adds from {@code @RolesAllowed}, without content. */
    private static boolean isGenerated(APIResponse response) {
        return response.getContent() == null && ("Not Allowed".equals(response.getDescription())
                || "Not Authorized".equals(response.getDescription()));
    }

    private static void ensure(APIResponses responses, int status, String description) {
        String code = String.valueOf(status);
        APIResponse existing = responses.getAPIResponse(code);
        if (existing == null || isGenerated(existing)) {
            responses.addAPIResponse(code, OASFactory.createAPIResponse().description(description));
        }
    }

    private static boolean isError(String code) {
        return code.length() == 3 && (code.charAt(0) == '4' || code.charAt(0) == '5');
    }

    private static Content problemContent(int status, String instance, String field) {
        return OASFactory.createContent().addMediaType(Problem.MEDIA_TYPE, OASFactory.createMediaType()
                .schema(OASFactory.createSchema().ref(PROBLEM_REF))
                .example(ProblemExamples.of(status, instance, field)));
    }

    private static void addSchemas(OpenAPI api) {
        if (api.getComponents() == null) {
            api.setComponents(OASFactory.createComponents());
        }
        Components components = api.getComponents();
        if (components.getSchemas() == null || !components.getSchemas().containsKey(FIELD_ERROR_SCHEMA)) {
            components.addSchema(FIELD_ERROR_SCHEMA, OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                    .description("One bad field or parameter").addProperty("field", string()
                            .description("The field or parameter, for a batch item `[3].grade`"))
                    .addProperty("message", string().description("What was wrong and what is allowed")));
        }
        components.addSchema(PROBLEM_SCHEMA, OASFactory.createSchema().addType(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details: the body of every 4xx and 5xx. No run of 12 or more digits"
                        + " (it may be an IIN) comes back: it is shown as `********` and the last four digits.")
                .required(new ArrayList<>(List.of("type", "title", "status")))
                .addProperty("type", string().format("uri-reference")
                        .description("`urn:nobd:problem:<title in lower case, dashes>`")
                        .example("urn:nobd:problem:invalid-input"))
                .addProperty("title", string().example("Invalid input"))
                .addProperty("status", OASFactory.createSchema().addType(Schema.SchemaType.INTEGER)
                        .format("int32").example(400))
                .addProperty("detail", string().description("What was wrong and what is allowed"))
                .addProperty("instance", string().description("The request path"))
                .addProperty("errors", OASFactory.createSchema().addType(Schema.SchemaType.ARRAY)
                        .description("For 400: every bad field or parameter")
                        .items(OASFactory.createSchema().ref("#/components/schemas/" + FIELD_ERROR_SCHEMA)))
                .addProperty("reason", string().description("A machine-readable code where refusals of one status must be told"
                        + " apart (e.g. PERIOD_LOCKED, CERTIFICATE_REVOKED); absent otherwise")
                        .example("CERTIFICATE_REVOKED")));
    }

    private static Schema string() {
        return OASFactory.createSchema().addType(Schema.SchemaType.STRING);
    }

    /** {@code GET /api/v1/institutions/{bin}/history} gives {@code getInstitutionsBinHistory}. */
    static String operationId(PathItem.HttpMethod method, String path) {
        StringBuilder id = new StringBuilder(method.name().toLowerCase(Locale.ROOT));
        for (String segment : path.replaceFirst("^/api/v\\d+", "").split("[/{}\\-_]+")) {
            if (!segment.isEmpty()) {
                id.append(Character.toUpperCase(segment.charAt(0))).append(segment.substring(1));
            }
        }
        return id.toString();
    }

    /** The first path segment after {@code /api/v1}: {@code institutions}. */
    static String tag(String path) {
        String[] segments = path.replaceFirst("^/api/v\\d+/?", "").split("/");
        return segments.length == 0 || segments[0].isEmpty() ? "api" : segments[0];
    }

    /** The example problem of each status, as the problem mapper writes it. */
    static final class ProblemExamples {
        private static final Map<Integer, String[]> TITLES = new LinkedHashMap<>();

        static {
            TITLES.put(400, new String[] {"Invalid input", ""});
            TITLES.put(401, new String[] {"Unauthorized", "a valid bearer token from realm nobd is required"});
            TITLES.put(403, new String[] {"Forbidden", "your role may not do this; allowed roles are listed in /q/openapi"});
            TITLES.put(404, new String[] {"Not found", "not found, or outside your jurisdiction"});
            TITLES.put(409, new String[] {"Conflict", "the record already exists"});
            TITLES.put(412, new String[] {"Precondition failed", "If-Match does not name the current version"});
            TITLES.put(413, new String[] {"Payload too large", "the body is over the limit of this endpoint"});
            TITLES.put(414, new String[] {"URI too long", "the request URI has 9000 characters; at most "
                    + HttpLimits.MAX_URI_LENGTH + " are accepted (send long filters in fewer, shorter parameters)"});
            TITLES.put(415, new String[] {"Unsupported Media Type", "this endpoint accepts Content-Type application/json"});
            TITLES.put(428, new String[] {"Precondition required", "If-Match with the card's ETag is required"});
            TITLES.put(500, new String[] {"Internal error", "an unexpected error occurred; it has been logged"});
            TITLES.put(503, new String[] {"Service unavailable", "the database is unavailable; try again shortly"});
        }

        private ProblemExamples() {
        }

        static Map<String, Object> of(int status, String instance, String field) {
            String[] known = TITLES.getOrDefault(status, new String[] {"Error", "the request failed"});
            String invalid = field + " is not valid: the message says what is allowed";
            Problem problem = Problem.of(status, known[0], status == 400 ? invalid : known[1], instance, null);
            Map<String, Object> example = new LinkedHashMap<>();
            example.put("type", problem.type());
            example.put("title", problem.title());
            example.put("status", problem.status());
            example.put("detail", problem.detail());
            example.put("instance", problem.instance());
            if (status == 400) {
                example.put("errors", List.of(Map.of("field", field, "message", invalid)));
            }
            return example;
        }
    }
}
