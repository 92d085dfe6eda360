package kz.nobd.registry.testing;

import static io.restassured.RestAssured.given;

import java.util.List;
import java.util.Optional;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * The test stack's Keycloak seen through its admin REST API as the master realm's admin (admin/admin), to check
 * what registry-service really created in realm nobd and to remove it afterwards.
 */
public final class KeycloakAdmin {
    private KeycloakAdmin() {
    }

    public static String serverUrl() {
        return ConfigProvider.getConfig().getValue("quarkus.keycloak.admin-client.server-url", String.class);
    }

    /** The user named {@code username} in realm nobd, as the admin API returns it, if there is one. */
    public static Optional<JsonPath> user(String username) {
        Response response = admin().queryParam("username", username).queryParam("exact", true)
                .get(nobd("/users"));
        response.then().statusCode(200);
        List<String> ids = response.jsonPath().getList("id");
        if (ids.size() > 1) {
            throw new AssertionError("several users named " + username + ": " + response.asString());
        }
        return ids.isEmpty() ? Optional.empty() : Optional.of(userById(ids.get(0)));
    }

    public static JsonPath userById(String id) {
        return ok(admin().queryParam("userProfileMetadata", false).get(nobd("/users/" + id)));
    }

    /** Realm roles mapped to the user directly, and its client-role mappings (absent when there are none). */
    public static JsonPath roleMappings(String id) {
        return ok(admin().get(nobd("/users/" + id + "/role-mappings")));
    }

    /** Every realm role the user holds, composites expanded. */
    public static List<String> effectiveRealmRoles(String id) {
        return ok(admin().get(nobd("/users/" + id + "/role-mappings/realm/composite"))).getList("name");
    }

    /** Every role of client {@code clientId} the user holds, composites expanded. */
    public static List<String> effectiveClientRoles(String id, String clientId) {
        String clientUuid = ok(admin().queryParam("clientId", clientId).get(nobd("/clients"))).getString("[0].id");
        return ok(admin().get(nobd("/users/" + id + "/role-mappings/clients/" + clientUuid + "/composite")))
                .getList("name");
    }

    public static JsonPath credentials(String id) {
        return ok(admin().get(nobd("/users/" + id + "/credentials")));
    }

    /** Deletes the user named {@code username} if it exists. */
    public static void deleteUser(String username) {
        user(username).ifPresent(user -> admin().delete(nobd("/users/" + user.getString("id")))
                .then().statusCode(204));
    }

    /** A resource-owner password grant on the public client nobd-cli, as a person logging in would try. */
    public static Response passwordGrant(String username, String password) {
        return given().contentType("application/x-www-form-urlencoded").formParam("grant_type", "password")
                .formParam("client_id", "nobd-cli").formParam("username", username).formParam("password", password)
                .post(serverUrl() + "/realms/nobd/protocol/openid-connect/token");
    }

    private static RequestSpecification admin() {
        String token = given().contentType("application/x-www-form-urlencoded").formParam("grant_type", "password")
                .formParam("client_id", "admin-cli").formParam("username", "admin").formParam("password", "admin")
                .post(serverUrl() + "/realms/master/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token");
        return given().header("Authorization", "Bearer " + token);
    }

    private static String nobd(String path) {
        return serverUrl() + "/admin/realms/nobd" + path;
    }

    private static JsonPath ok(Response response) {
        response.then().statusCode(200);
        return response.jsonPath();
    }
}
