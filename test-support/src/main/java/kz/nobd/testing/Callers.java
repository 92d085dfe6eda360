package kz.nobd.testing;

import static io.restassured.RestAssured.given;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The callers of the authorization matrix: no token, tokens that must not authenticate, and the demo users of
 * realm nobd (see {@link Tokens}).
 */
public final class Callers {
    public static final String NO_TOKEN = "no token";
    public static final String GARBAGE_TOKEN = "garbage token";
    /** oblast.akmola's real token with its kato claim rewritten to Abai's: the signature no longer matches. */
    public static final String FORGED_TOKEN = "oblast.akmola token edited to claim kato 100000000";

    private Callers() {
    }

    /** A request as {@code caller}: one of the constants above or a {@link Tokens} user name. */
    public static RequestSpecification as(String caller) {
        RequestSpecification request = given();
        return switch (caller) {
            case NO_TOKEN -> request;
            case GARBAGE_TOKEN -> request.header("Authorization", "Bearer not-a-jwt.just-some-text");
            case FORGED_TOKEN -> request.header("Authorization", "Bearer " + forged());
            default -> request.header("Authorization", Tokens.bearer(caller));
        };
    }

    private static String forged() {
        String[] parts = Tokens.of(Tokens.OBLAST_AKMOLA).split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        if (!claims.contains("\"110000000\"")) {
            throw new IllegalStateException("oblast.akmola's token has no kato claim 110000000: " + claims);
        }
        String edited = claims.replace("\"110000000\"", "\"100000000\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(edited.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    /** A JSON request as {@code caller}. */
    public static RequestSpecification json(String caller) {
        return as(caller).contentType(ContentType.JSON);
    }
}
