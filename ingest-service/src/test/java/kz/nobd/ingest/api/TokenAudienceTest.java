package kz.nobd.ingest.api;

import static io.restassured.RestAssured.given;
import static kz.nobd.testing.Problems.assertProblem;
import static kz.nobd.testing.Tokens.MINISTRY;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import kz.nobd.testing.Tokens;

/**
 * Only access tokens issued for the NOBD services: an ID token or an access token of another client (admin-cli)
 * is refused every time (a refused token is never remembered); a token fetched through localhost is accepted.
 */
@QuarkusTest
class TokenAudienceTest {
    private static final String LIST = "/api/v1/rejections";

    @Test
    void idTokensAndOtherClientsTokensAreRefusedEveryTime() {
        for (String token : new String[] {Tokens.idToken(MINISTRY), Tokens.ofClient(MINISTRY, "admin-cli")}) {
            for (int attempt = 0; attempt < 2; attempt++) {
                assertProblem(given().header("Authorization", "Bearer " + token).get(LIST), 401);
            }
        }
    }

    @Test
    void aTokenFetchedThroughLocalhostIsAccepted() {
        given().header("Authorization", "Bearer " + Tokens.viaHost(MINISTRY, "localhost")).get(LIST)
                .then().statusCode(200);
        given().header("Authorization", Tokens.bearer(MINISTRY)).get(LIST).then().statusCode(200);
    }
}
