package kz.nobd.dashboard.browser.data;

import static io.restassured.RestAssured.given;

import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.specification.RequestSpecification;
import kz.nobd.testing.Tokens;

/**
 * The APIs called directly, as a demo user (its access token from client nobd-cli): what the page of the same unit
 * and user must show. The services' addresses are the dashboard's REST client URLs (ApiServicesResource).
 */
public final class ApiCalls {
    private ApiCalls() {
    }

    public static String url(String client) {
        return ConfigProvider.getConfig().getValue("quarkus.rest-client." + client + ".url", String.class);
    }

    public static RequestSpecification as(String user) {
        return given().header("Authorization", Tokens.bearer(user)).accept("application/json");
    }

    /** GET {@code path} of a service ({@code report}, {@code registry}, {@code ingest}) as {@code user}: 200 expected */
    public static JsonNode get(String client, String user, String path, Map<String, ?> query) {
        var response = as(user).queryParams(query).get(url(client) + "/api/v1" + path);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + path + " " + query + " as " + user + ": " + response.statusCode() + " "
                    + response.asString());
        }
        return ExactJson.parse(response.asString());
    }

    public static JsonNode report(String user, String path, Map<String, ?> query) {
        return get("report", user, path, query);
    }

    public static JsonNode indicators(String user, Map<String, ?> query) {
        return report(user, "/indicators", query);
    }

    /** the equipment rollup of the units of {@code level} (within {@code kato} when given), one page of 500 */
    public static JsonNode equipment(String user, String level, String kato) {
        return report(user, "/rollups/equipment", kato == null ? Map.of("level", level, "size", 500)
                : Map.of("level", level, "kato", kato, "size", 500));
    }

    public static JsonNode ingest(String user, String path, Map<String, ?> query) {
        return get("ingest", user, path, query);
    }
}
