package kz.nobd.testing;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.response.Response;

/**
 * Checks a service's OpenAPI document ({@code /q/openapi}) against what the service does (docs/api.md, "OpenAPI and
 * Swagger UI"): every operation with an operationId, a tag and the roles of the authorization matrix, every 4xx and
 * 5xx as application/problem+json with the {@code Problem} schema and an example, typed success bodies, paging
 * parameters typed with their limits, servers and the OpenID Connect scheme; the roles it leaves out really get 403;
 * and Swagger UI's login (authorization code + PKCE with client nobd-cli) really gives a token the service accepts.
 * Each method returns the list of what is wrong, empty when the document tells the truth.
 */
public final class OpenApiContract {
    public static final String MINISTRY = "ministry";
    public static final String OBLAST = "oblast";
    public static final String SCHOOL = "school";
    public static final String REPORT_CONSUMER = "report-consumer";
    public static final Set<String> ALL_ROLES = Set.of(MINISTRY, OBLAST, SCHOOL, REPORT_CONSUMER);
    /** A demo caller holding each role. */
    public static final Map<String, String> CALLER_OF_ROLE = Map.of(MINISTRY, Tokens.MINISTRY, OBLAST,
            Tokens.OBLAST_AKMOLA, SCHOOL, Tokens.SCHOOL_AKMOLA, REPORT_CONSUMER, Tokens.REPORT_CONSUMER);
    private static final String PROBLEM = "application/problem+json";
    private static final Pattern LOGIN_FORM = Pattern.compile("<form[^>]*id=\"kc-form-login\"[^>]*>");
    private static final Pattern ACTION = Pattern.compile("action=\"([^\"]+)\"");

    private OpenApiContract() {
    }

    /** One operation of the document. */
    public record Operation(String method, String path, Map<String, Object> body) {
        /** {@code GET /api/v1/audit}. */
        public String key() {
            return method.toUpperCase() + " " + path;
        }

        public Set<String> roles() {
            Set<String> roles = new TreeSet<>();
            for (Map<String, Object> requirement : OpenApiContract.<Map<String, Object>>list(body.get("security"))) {
                requirement.values().forEach(scopes -> roles.addAll(OpenApiContract.<String>list(scopes)));
            }
            return roles;
        }

        public Map<String, Map<String, Object>> responses() {
            return map(body.get("responses"));
        }

        public List<Map<String, Object>> parameters() {
            return list(body.get("parameters"));
        }
    }

    /** The document as the running service serves it. */
    public static Map<String, Object> document() {
        return given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract().jsonPath()
                .getMap("$");
    }

    public static List<Operation> operations(Map<String, Object> document) {
        List<Operation> operations = new ArrayList<>();
        OpenApiContract.<Map<String, Object>>map(document.get("paths")).forEach((path, item) -> item.forEach(
                (method, body) -> {
                    if (Set.of("get", "put", "post", "delete", "patch").contains(method)) {
                        operations.add(new Operation(method, path, map(body)));
                    }
                }));
        return operations;
    }

    /**
     * What is wrong with the document; {@code rolesByOperation} is the authorization matrix of docs/security.md:
     * for each operation ({@code GET /api/v1/audit}) the roles that may call it at all.
     */
    public static List<String> problems(Map<String, Object> document, Map<String, Set<String>> rolesByOperation) {
        List<String> problems = new ArrayList<>();
        if (list(document.get("servers")).isEmpty()) {
            problems.add("no servers");
        }
        problems.addAll(securitySchemeProblems(document));
        Map<String, Map<String, Object>> schemas = map(map(document.get("components")).get("schemas"));
        Set<String> problemFields = map(schemas.getOrDefault("Problem", Map.of()).get("properties")).keySet();
        if (!problemFields.containsAll(List.of("type", "title", "status", "detail", "instance", "errors"))) {
            problems.add("schema Problem has the fields " + problemFields);
        }
        Set<String> tags = new HashSet<>();
        OpenApiContract.<Map<String, Object>>list(document.get("tags")).forEach(t -> tags.add((String) t.get("name")));
        List<Operation> operations = operations(document);
        Set<String> documented = new TreeSet<>();
        Set<String> ids = new HashSet<>();
        for (Operation operation : operations) {
            documented.add(operation.key());
            problems.addAll(operationProblems(operation, rolesByOperation.get(operation.key()), tags, ids));
        }
        if (!documented.equals(new TreeSet<>(rolesByOperation.keySet()))) {
            problems.add("the document has the operations " + documented + ", the matrix "
                    + new TreeSet<>(rolesByOperation.keySet()));
        }
        return problems;
    }

    private static List<String> securitySchemeProblems(Map<String, Object> document) {
        Map<String, Map<String, Object>> schemes = map(map(document.get("components")).get("securitySchemes"));
        String expected = ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class)
                .replaceAll("/+$", "") + "/.well-known/openid-configuration";
        boolean oidc = schemes.values().stream().anyMatch(s -> "openIdConnect".equals(s.get("type"))
                && expected.equals(s.get("openIdConnectUrl")));
        return oidc ? List.of() : List.of("no openIdConnect scheme with " + expected + ": " + schemes);
    }

    private static List<String> operationProblems(Operation operation, Set<String> matrixRoles, Set<String> tags,
            Set<String> ids) {
        List<String> problems = new ArrayList<>();
        String key = operation.key();
        Object id = operation.body().get("operationId");
        if (!(id instanceof String s) || s.isBlank() || !ids.add(s)) {
            problems.add(key + ": operationId missing or repeated: " + id);
        }
        List<String> opTags = list(operation.body().get("tags"));
        if (opTags.isEmpty() || !tags.containsAll(opTags)) {
            problems.add(key + ": tags " + opTags + " not among the document's tags " + tags);
        }
        if (operation.body().get("summary") == null) {
            problems.add(key + ": no summary");
        }
        if (matrixRoles != null && !operation.roles().equals(new TreeSet<>(matrixRoles))) {
            problems.add(key + ": documented roles " + operation.roles() + ", the matrix says "
                    + new TreeSet<>(matrixRoles));
        }
        Map<String, Map<String, Object>> responses = operation.responses();
        boolean restricted = !operation.roles().containsAll(ALL_ROLES);
        for (String code : restricted ? List.of("401", "403", "414", "500", "503") : List.of("401", "414", "500", "503")) {
            if (!responses.containsKey(code)) {
                problems.add(key + ": no " + code + " response");
            }
        }
        if (!map(map(responses.get("503")).get("headers")).containsKey("Retry-After")) {
            problems.add(key + ": 503 without Retry-After");
        }
        if (!map(map(responses.get("401")).get("headers")).containsKey("WWW-Authenticate")) {
            problems.add(key + ": 401 without WWW-Authenticate");
        }
        boolean success = false;
        for (Map.Entry<String, Map<String, Object>> response : responses.entrySet()) {
            String code = response.getKey();
            Map<String, Map<String, Object>> content = map(response.getValue().get("content"));
            if (code.startsWith("4") || code.startsWith("5")) {
                problems.addAll(errorProblems(key, code, content));
            } else if (code.startsWith("2")) {
                success = true;
                Map<String, Object> json = content.get("application/json");
                // an answer offered as JSON has its typed schema; one never offered as JSON (SDMX-CSV) names its types
                if (!code.equals("204") && (json == null ? content.isEmpty() : !typed(map(json.get("schema"))))) {
                    problems.add(key + ": " + code + " without a typed application/json schema: " + content);
                }
            }
        }
        if (!success) {
            problems.add(key + ": no success response");
        }
        for (Map<String, Object> parameter : operation.parameters()) {
            Map<String, Object> schema = map(parameter.get("schema"));
            String name = (String) parameter.get("name");
            if (schema.get("type") == null && schema.get("$ref") == null) {
                problems.add(key + ": parameter " + name + " untyped");
            }
            if ((name.equals("page") || name.equals("size")) && (!"integer".equals(schema.get("type"))
                    || schema.get("minimum") == null || schema.get("maximum") == null)) {
                problems.add(key + ": parameter " + name + " not an integer with minimum and maximum: " + schema);
            }
        }
        return problems;
    }

    private static List<String> errorProblems(String key, String code, Map<String, Map<String, Object>> content) {
        if (!content.keySet().equals(Set.of(PROBLEM))) {
            return List.of(key + ": " + code + " is " + content.keySet() + ", not only " + PROBLEM);
        }
        Map<String, Object> media = content.get(PROBLEM);
        List<String> problems = new ArrayList<>();
        if (!"#/components/schemas/Problem".equals(map(media.get("schema")).get("$ref"))) {
            problems.add(key + ": " + code + " schema is not Problem: " + media.get("schema"));
        }
        Object status = map(media.get("example")).get("status");
        if (status == null || !String.valueOf(status).equals(code)) {
            problems.add(key + ": " + code + " example has status " + status);
        }
        return problems;
    }

    /**
     * A schema that says what it holds: a reference, an array of something, an object with properties, or one of
     * such schemas.
     */
    private static boolean typed(Map<String, Object> schema) {
        List<Map<String, Object>> oneOf = list(schema.get("oneOf"));
        return schema.get("$ref") != null || (schema.get("items") != null && typed(map(schema.get("items"))))
                || !map(schema.get("properties")).isEmpty()
                || !oneOf.isEmpty() && oneOf.stream().allMatch(OpenApiContract::typed);
    }

    /**
     * Calls every operation as a demo caller of each role it does not document, and without a token: what is
     * wrong when the first is not refused with 403 or the second with 401. Path parameters take {@code pathValues}
     * (by name), a body is sent in the operation's first media type ({@code {}} or a CSV header line).
     */
    public static List<String> refusalProblems(Map<String, Object> document, Map<String, String> pathValues) {
        List<String> problems = new ArrayList<>();
        for (Operation operation : operations(document)) {
            String path = operation.path();
            for (Map.Entry<String, String> value : pathValues.entrySet()) {
                path = path.replace("{" + value.getKey() + "}", value.getValue());
            }
            Set<String> refused = new TreeSet<>(ALL_ROLES);
            refused.removeAll(operation.roles());
            List<String> callers = new ArrayList<>(refused.stream().map(CALLER_OF_ROLE::get).toList());
            callers.add(0, Callers.NO_TOKEN);
            for (String caller : callers) {
                int expected = caller.equals(Callers.NO_TOKEN) ? 401 : 403;
                Response response = call(caller, operation, path);
                if (response.statusCode() != expected || !response.contentType().startsWith(PROBLEM)) {
                    problems.add(operation.key() + " as " + caller + ": " + response.statusCode() + " "
                            + response.contentType() + ", the document says " + expected);
                }
            }
        }
        return problems;
    }

    private static Response call(String caller, Operation operation, String path) {
        var request = Callers.as(caller);
        Map<String, Map<String, Object>> content = map(map(operation.body().get("requestBody")).get("content"));
        if (!content.isEmpty()) {
            String type = content.keySet().iterator().next();
            request = request.contentType(type).body(type.startsWith("text/csv") ? "bin\r\n" : "{}");
        }
        return request.request(operation.method().toUpperCase(), path);
    }

    /**
     * What Swagger UI does when {@code user} logs in with its "Authorize" button, without a browser: the page is set
     * up for client nobd-cli with PKCE; Keycloak (found through the document's OpenID Connect URL) shows its login
     * form for the redirect to this service's {@code /q/swagger-ui/oauth2-redirect.html}, accepts the demo password,
     * redirects there with a code, exchanges the code for an access token answering the page's origin with CORS;
     * the service under test answers {@code probePath} with 200 to that token. The page's origin is the service's
     * port on the local stack ({@code quarkus.http.port} of the prod profile, where a person opens it; the realm
     * lists those origins),
     * not the test's random port. What is wrong, empty when all of it works.
     */
    public static List<String> swaggerUiLoginProblems(Map<String, Object> document, String user, String probePath) {
        List<String> problems = new ArrayList<>();
        String page = given().get("/q/swagger-ui/index.html").then().statusCode(200).extract().asString();
        for (String setting : List.of("clientId: 'nobd-cli'", "usePkceWithAuthorizationCodeGrant: true",
                "/q/swagger-ui/oauth2-redirect.html")) {
            if (!page.contains(setting)) {
                problems.add("Swagger UI page lacks " + setting);
            }
        }
        // the page as a person opens it on the local stack (deploy/local/nobd up): the service's own port
        // (the packaged service's port: in tests quarkus.http.port is the random test port)
        String origin = "http://127.0.0.1:" + ProdProfile.with(Map.of()).getValue("quarkus.http.port", Integer.class);
        String redirect = origin + "/q/swagger-ui/oauth2-redirect.html";
        given().get("/q/swagger-ui/oauth2-redirect.html").then().statusCode(200);

        Map<String, Map<String, Object>> schemes = map(map(document.get("components")).get("securitySchemes"));
        String discovery = schemes.values().stream().filter(s -> "openIdConnect".equals(s.get("type")))
                .map(s -> (String) s.get("openIdConnectUrl")).findFirst().orElse(null);
        if (discovery == null) {
            problems.add("no openIdConnect scheme: " + schemes);
            return problems;
        }
        Map<String, Object> oidc = given().get(discovery).then().statusCode(200).extract().jsonPath().getMap("$");
        String verifier = randomText(48);
        String state = randomText(16);
        Response form = given().redirects().follow(false)
                .queryParam("response_type", "code").queryParam("client_id", "nobd-cli")
                .queryParam("redirect_uri", redirect).queryParam("scope", "openid").queryParam("state", state)
                .queryParam("code_challenge", challenge(verifier)).queryParam("code_challenge_method", "S256")
                .get((String) oidc.get("authorization_endpoint"));
        Matcher formTag = LOGIN_FORM.matcher(form.asString());
        if (form.statusCode() != 200 || !formTag.find()) {
            problems.add("Keycloak shows no login form for redirect " + redirect + ": " + form.statusCode() + " "
                    + abbreviate(form.asString()));
            return problems;
        }
        Matcher action = ACTION.matcher(formTag.group());
        action.find();
        // the browser sends back the login session's cookies (set for the realm's path)
        Response login = given().cookies(form.getCookies()).redirects().follow(false)
                .contentType("application/x-www-form-urlencoded")
                .formParam("username", user).formParam("password", "demo").formParam("credentialId", "")
                .post(action.group(1).replace("&amp;", "&"));
        String location = login.header("Location");
        if (login.statusCode() != 302 || location == null || !location.startsWith(redirect + "?")) {
            problems.add("the login did not redirect to " + redirect + ": " + login.statusCode() + " " + location
                    + " " + abbreviate(login.asString().replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ")));
            return problems;
        }
        Map<String, String> query = query(location.substring(location.indexOf('?') + 1));
        if (!state.equals(query.get("state")) || query.get("code") == null) {
            problems.add("the redirect carries no code or another state: " + location);
            return problems;
        }
        Response token = given().header("Origin", origin).contentType("application/x-www-form-urlencoded")
                .formParam("grant_type", "authorization_code").formParam("client_id", "nobd-cli")
                .formParam("code", query.get("code")).formParam("redirect_uri", redirect)
                .formParam("code_verifier", verifier).post((String) oidc.get("token_endpoint"));
        if (token.statusCode() != 200) {
            problems.add("the code exchange failed: " + token.statusCode() + " " + abbreviate(token.asString()));
            return problems;
        }
        if (!origin.equals(token.header("Access-Control-Allow-Origin"))) {
            problems.add("Keycloak's token answer does not allow the origin " + origin + " (CORS): "
                    + token.header("Access-Control-Allow-Origin"));
        }
        int status = given().header("Authorization", "Bearer " + token.jsonPath().getString("access_token"))
                .get(probePath).statusCode();
        if (status != 200) {
            problems.add("the service answered " + status + " to Swagger UI's token on " + probePath);
        }
        return problems;
    }

    private static Map<String, String> query(String query) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(pair.substring(0, eq), java.net.URLDecoder.decode(pair.substring(eq + 1),
                        StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    private static String randomText(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String challenge(String verifier) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String abbreviate(String text) {
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }

    /** A UUID for path parameters that name a batch. */
    public static String anyUuid() {
        return UUID.randomUUID().toString();
    }

    @SuppressWarnings("unchecked")
    private static <T> Map<String, T> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, T>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static <T> List<T> list(Object value) {
        return value instanceof List<?> l ? (List<T>) l : List.of();
    }
}
