package kz.nobd.report.api;

import static io.restassured.RestAssured.given;
import static kz.nobd.testing.Problems.assertProblem;
import static kz.nobd.testing.Tokens.MINISTRY;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import kz.nobd.report.testing.Reports;
import kz.nobd.testing.Tokens;

/**
 * Only access tokens issued for the NOBD services: an ID token or an access token of another client (admin-cli)
 * is refused every time (a refused token is never remembered); a token fetched through localhost is accepted.
 */
@QuarkusTest
class TokenAudienceTest {
    private static final String ROLLUP = "/api/v1/rollups/enrolment";

    @BeforeEach
    void ready() {
        Reports.awaitReady();
    }

    @Test
    void idTokensAndOtherClientsTokensAreRefusedEveryTime() {
        for (String token : new String[] {Tokens.idToken(MINISTRY), Tokens.ofClient(MINISTRY, "admin-cli")}) {
            for (int attempt = 0; attempt < 2; attempt++) {
                assertProblem(given().header("Authorization", "Bearer " + token).get(ROLLUP), 401);
            }
        }
    }

    @Test
    void aTokenFetchedThroughLocalhostIsAccepted() {
        given().header("Authorization", "Bearer " + Tokens.viaHost(MINISTRY, "localhost")).get(ROLLUP)
                .then().statusCode(200);
        given().header("Authorization", Tokens.bearer(MINISTRY)).get(ROLLUP).then().statusCode(200);
    }
}
