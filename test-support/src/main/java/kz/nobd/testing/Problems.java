package kz.nobd.testing;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/** Assertions on application/problem+json bodies (RFC 9457), the shape of every 4xx of the service. */
public final class Problems {
    public static final String MEDIA_TYPE = "application/problem+json";

    private Problems() {
    }

    /** The status, the media type and the members every problem carries. */
    public static ValidatableResponse assertProblem(Response response, int status) {
        ValidatableResponse then = response.then().statusCode(status).contentType(MEDIA_TYPE)
                .body("status", equalTo(status))
                .body("type", startsWith("urn:nobd:problem:"))
                .body("title", not(emptyOrNullString()))
                .body("detail", not(emptyOrNullString()))
                .body("instance", startsWith("/api/v1/"));
        if (status == 401) {
            then.header("WWW-Authenticate", startsWith("Bearer"));
        }
        return then;
    }

    /** A 400 whose {@code errors} name {@code field}, with a message for it containing every fragment. */
    public static ValidatableResponse assertInvalid(Response response, String field, String... fragments) {
        ValidatableResponse then = assertProblem(response, 400).body("errors.field", hasItem(field));
        for (String fragment : fragments) {
            then.body("errors.findAll { it.field == '" + field + "' }.message", hasItem(containsString(fragment)));
        }
        return then;
    }
}
