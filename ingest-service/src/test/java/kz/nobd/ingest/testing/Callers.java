package kz.nobd.ingest.testing;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** The callers of the authorization matrix: no token, a token that is not a JWT, and the demo users of {@link Tokens}. */
public final class Callers {
    public static final String NO_TOKEN = "no token";
    public static final String GARBAGE_TOKEN = "garbage token";

    private Callers() {
    }

    /** A request as {@code caller}: one of the constants above or a {@link Tokens} user name. */
    public static RequestSpecification as(String caller) {
        RequestSpecification request = given();
        return switch (caller) {
            case NO_TOKEN -> request;
            case GARBAGE_TOKEN -> request.header("Authorization", "Bearer not-a-jwt.just-some-text");
            default -> request.header("Authorization", Tokens.bearer(caller));
        };
    }

    /** A JSON request as {@code caller}. */
    public static RequestSpecification json(String caller) {
        return as(caller).contentType(ContentType.JSON);
    }
}
