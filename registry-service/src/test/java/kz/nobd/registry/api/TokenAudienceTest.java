package kz.nobd.registry.api;

import static io.restassured.RestAssured.given;
import static kz.nobd.testing.Problems.assertProblem;
import static kz.nobd.testing.Tokens.MINISTRY;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kz.nobd.registry.testing.Institutions;
import kz.nobd.testing.Tokens;

/**
 * Only access tokens issued for the NOBD services are accepted: real tokens of realm nobd that are valid, signed
 * and unexpired, but an ID token or an access token of another client, are refused (401), every time (a refused
 * token is never remembered). A token fetched through "localhost" is accepted like one fetched through 127.0.0.1:
 * Keycloak's issuer is fixed.
 */
@QuarkusTest
class TokenAudienceTest {
    private static final String CARD = "/api/v1/institutions/" + Tokens.SCHOOL_AKMOLA_BIN;

    @BeforeEach
    void demoSchools() {
        Institutions.ensureDemoSchools();
    }

    @Test
    void anIdTokenIsRefusedEveryTime() {
        String idToken = Tokens.idToken(MINISTRY);
        assertThat(claims(idToken).getString("typ")).isEqualTo("ID");

        for (int attempt = 0; attempt < 2; attempt++) {
            assertProblem(given().header("Authorization", "Bearer " + idToken).get(CARD), 401);
        }
    }

    @Test
    void anAccessTokenOfAnotherClientIsRefusedEveryTime() {
        String adminCli = Tokens.ofClient(MINISTRY, "admin-cli");
        JsonPath claims = claims(adminCli);
        assertThat(claims.getString("typ")).isEqualTo("Bearer");
        assertThat(claims.getString("azp")).isEqualTo("admin-cli"); // a valid token of the same user, another client
        assertThat(String.valueOf((Object) claims.get("aud"))).doesNotContain("nobd-registry");

        for (int attempt = 0; attempt < 2; attempt++) {
            assertProblem(given().header("Authorization", "Bearer " + adminCli).get(CARD), 401);
        }
    }

    @Test
    void theNobdClientsTokensCarryTheAudienceAndAreAccepted() {
        assertThat(claims(Tokens.of(MINISTRY)).getList("aud")).contains("nobd-registry", "nobd-ingest", "nobd-report");
        assertThat(String.valueOf((Object) claims(Tokens.of(Tokens.REPORT_CONSUMER)).get("aud"))).contains("nobd-registry");

        given().header("Authorization", Tokens.bearer(MINISTRY)).get(CARD).then().statusCode(200);
        given().header("Authorization", Tokens.bearer(Tokens.REPORT_CONSUMER)).get(CARD).then().statusCode(200);
    }

    @Test
    void aTokenFetchedThroughLocalhostIsAccepted() {
        String viaLocalhost = Tokens.viaHost(MINISTRY, "localhost");
        assertThat(claims(viaLocalhost).getString("iss")).isEqualTo(claims(Tokens.of(MINISTRY)).getString("iss"));

        given().header("Authorization", "Bearer " + viaLocalhost).get(CARD).then().statusCode(200);
    }

    private static JsonPath claims(String jwt) {
        return JsonPath.from(new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8));
    }
}
