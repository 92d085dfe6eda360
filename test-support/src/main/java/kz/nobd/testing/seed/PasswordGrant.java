package kz.nobd.testing.seed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Access tokens of a Keycloak user by the password grant on the public client {@code nobd-cli}, as
 * deploy/local/token.sh fetches them, each kept until 30 seconds before it expires (tokens live a few minutes; the
 * demo activity may run longer). For the local stack's demo users only.
 */
public final class PasswordGrant implements Supplier<String> {
    private static final String CLIENT = "nobd-cli";

    private final HttpClient http = HttpClient.newHttpClient();
    private final URI tokenEndpoint;
    private final String form;
    private String token;
    private Instant renewAt = Instant.MIN;

    /** {@code keycloakUrl} such as http://127.0.0.1:8180 (realm nobd). */
    public PasswordGrant(String keycloakUrl, String user, String password) {
        this.tokenEndpoint = URI.create(keycloakUrl + "/realms/nobd/protocol/openid-connect/token");
        this.form = "grant_type=password&client_id=" + CLIENT + "&username=" + encode(user) + "&password="
                + encode(password);
    }

    @Override
    public synchronized String get() {
        if (Instant.now().isAfter(renewAt)) {
            JsonNode answer = fetch();
            token = answer.path("access_token").asText();
            renewAt = Instant.now().plusSeconds(Math.max(0, answer.path("expires_in").asLong() - 30));
        }
        return token;
    }

    private JsonNode fetch() {
        HttpRequest request = HttpRequest.newBuilder(tokenEndpoint).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("no token from " + tokenEndpoint + ": HTTP " + response.statusCode()
                        + " " + response.body());
            }
            return ApiClient.JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException("no token from " + tokenEndpoint + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while fetching a token", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
