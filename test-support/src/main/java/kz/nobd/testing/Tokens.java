package kz.nobd.testing;

import static io.restassured.RestAssured.given;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.response.Response;

/**
 * Real access tokens from the test stack's Keycloak (realm nobd, demo users of deploy/keycloak/nobd-realm.json),
 * cached until shortly before they expire.
 */
public final class Tokens {
    public static final String MINISTRY = "ministry";
    public static final String OBLAST_AKMOLA = "oblast.akmola";
    public static final String OBLAST_AKTOBE = "oblast.aktobe";
    public static final String OBLAST_ALMATY = "oblast.almaty";
    public static final String OBLAST_ABAI = "oblast.abai";
    public static final String SCHOOL_AKMOLA = "school.akmola";
    public static final String SCHOOL_ALMATY = "school.almaty";
    public static final String REPORT_CONSUMER = "report-consumer";
    /** BIN in the org_bin attribute of school.akmola and school.almaty. */
    public static final String SCHOOL_AKMOLA_BIN = "210540000010";
    public static final String SCHOOL_ALMATY_BIN = "210540000020";

    private record Cached(String token, Instant expires) {
    }

    private static final Map<String, Cached> CACHE = new ConcurrentHashMap<>();

    private Tokens() {
    }

    public static String of(String who) {
        Cached cached = CACHE.get(who);
        if (cached == null || Instant.now().isAfter(cached.expires())) {
            cached = fetch(who);
            CACHE.put(who, cached);
        }
        return cached.token();
    }

    public static String bearer(String who) {
        return "Bearer " + of(who);
    }

    public static String tokenEndpoint() {
        return ConfigProvider.getConfig().getValue("quarkus.oidc.auth-server-url", String.class)
                + "/protocol/openid-connect/token";
    }

    /** The ID token (not the access token) of demo user {@code who}: a service must refuse it (401). */
    public static String idToken(String who) {
        return passwordGrant(tokenEndpoint(), "nobd-cli", who, "openid").jsonPath().getString("id_token");
    }

    /**
     * The access token of demo user {@code who} issued to another client of realm nobd ({@code admin-cli}, which
     * every realm has): it carries the user's roles but not the audience of the NOBD services, so it must get 401.
     */
    public static String ofClient(String who, String clientId) {
        return passwordGrant(tokenEndpoint(), clientId, who, null).jsonPath().getString("access_token");
    }

    /**
     * The access token of demo user {@code who} fetched from Keycloak under another host name, e.g. {@code localhost}
     * instead of the configured 127.0.0.1: Keycloak's issuer is fixed, so the token must be accepted all the same.
     */
    public static String viaHost(String who, String host) {
        String endpoint = tokenEndpoint().replaceFirst("//[^/:]+", "//" + host);
        return passwordGrant(endpoint, "nobd-cli", who, null).jsonPath().getString("access_token");
    }

    private static Response passwordGrant(String endpoint, String clientId, String who, String scope) {
        var request = given().contentType("application/x-www-form-urlencoded").formParam("grant_type", "password")
                .formParam("client_id", clientId).formParam("username", who).formParam("password", "demo");
        if (scope != null) {
            request.formParam("scope", scope);
        }
        Response response = request.post(endpoint);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token for " + who + " from client " + clientId + " at " + endpoint
                    + ": " + response.asString());
        }
        return response;
    }

    private static Cached fetch(String who) {
        var request = given().contentType("application/x-www-form-urlencoded");
        if (who.equals(REPORT_CONSUMER)) {
            request.formParam("grant_type", "client_credentials")
                    .formParam("client_id", "nobd-report-consumer")
                    .formParam("client_secret", "demo-report-consumer-secret");
        } else {
            request.formParam("grant_type", "password").formParam("client_id", "nobd-cli")
                    .formParam("username", who).formParam("password", "demo");
        }
        Response response = request.post(tokenEndpoint());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("no token for " + who + ": " + response.asString());
        }
        int lifetime = response.jsonPath().getInt("expires_in");
        return new Cached(response.jsonPath().getString("access_token"), Instant.now().plusSeconds(lifetime - 30));
    }
}
