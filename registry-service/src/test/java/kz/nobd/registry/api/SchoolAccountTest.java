package kz.nobd.registry.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyOrNullString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import kz.nobd.testing.Ids;
import kz.nobd.registry.testing.Institutions;
import kz.nobd.registry.testing.KeycloakAdmin;
import kz.nobd.testing.Tokens;

/**
 * POST /institutions/{bin}/accounts against the real Keycloak: what the API answers, and what really exists in
 * realm nobd afterwards (read through the admin REST API as the master admin).
 */
@QuarkusTest
class SchoolAccountTest {
    /** Accounts this class created, deleted at the end so that reruns start clean. */
    private static final Set<String> CREATED = ConcurrentHashMap.newKeySet();

    @AfterAll
    static void deleteCreatedAccounts() {
        CREATED.forEach(KeycloakAdmin::deleteUser);
    }

    @Test
    void ministryCreatesASchoolAccountThatMustChangeItsPasswordFirst() {
        String bin = Institutions.createSchool(Institutions.AKMOLA_VILLAGE);
        Response created = createAccount(Tokens.MINISTRY, bin);
        created.then().statusCode(201).contentType(ContentType.JSON)
                .header("Cache-Control", "no-store")
                .header("Location", containsString("/api/v1/institutions/" + bin + "/accounts/school-" + bin))
                .body("username", equalTo("school-" + bin))
                .body("temporaryPassword", matchesPattern("[A-HJ-NP-Za-km-z2-9]{16}"));
        String password = created.jsonPath().getString("temporaryPassword");

        JsonPath user = KeycloakAdmin.user("school-" + bin).orElseThrow(() -> new AssertionError("no Keycloak user"));
        String id = user.getString("id");
        assertThat(user.getBoolean("enabled")).isTrue();
        assertThat(user.getMap("attributes")).containsOnlyKeys("org_bin");
        assertThat(user.getList("attributes.org_bin")).containsExactly(bin);
        assertThat(user.getString("lastName")).isEqualTo("BIN " + bin);
        assertThat(user.getString("email")).isEqualTo("school-" + bin + "@schools.nobd.invalid");
        assertThat(user.getList("requiredActions")).containsExactly("UPDATE_PASSWORD");
        // Keycloak has no "temporary" flag on a stored credential: a temporary password is a password credential
        // plus the required action UPDATE_PASSWORD, which blocks every token until the password is changed
        JsonPath credentials = KeycloakAdmin.credentials(id);
        assertThat(credentials.getList("type")).containsExactly("password");

        // direct mappings: the school role, plus the realm's default role that Keycloak gives every new user
        JsonPath mappings = KeycloakAdmin.roleMappings(id);
        assertThat(mappings.getList("realmMappings.name")).containsExactly("school");
        assertThat(mappings.getMap("clientMappings")).as("client role mappings").isNullOrEmpty();
        assertThat(KeycloakAdmin.effectiveRealmRoles(id)).contains("school")
                .doesNotContain("ministry", "oblast", "report-consumer");

        // the temporary password is the account's password, yet it yields no token before it is changed
        KeycloakAdmin.passwordGrant("school-" + bin, password).then().statusCode(400)
                .body("error", equalTo("invalid_grant"))
                .body("error_description", equalTo("Account is not fully set up"))
                .body("access_token", emptyOrNullString());
        KeycloakAdmin.passwordGrant("school-" + bin, password + "x").then().statusCode(401)
                .body("error_description", equalTo("Invalid user credentials"));

        // a second account for the same BIN: 409, and the first account is untouched
        createAccount(Tokens.MINISTRY, bin).then().statusCode(409).contentType("application/problem+json")
                .body("status", equalTo(409)).body("detail", containsString("an account named school-" + Ids.masked(bin)))
                .body("detail", containsString("already exists"));
        assertThat(KeycloakAdmin.user("school-" + bin).orElseThrow().getString("id")).isEqualTo(id);
        KeycloakAdmin.passwordGrant("school-" + bin, password).then().statusCode(400)
                .body("error_description", equalTo("Account is not fully set up"));
    }

    /**
     * Keycloak hands every new user the realm's default composite (offline_access, uma_authorization, account
     * console roles); registry-service removes it, so a school account holds the school role and nothing else.
     */
    @Test
    void aNewSchoolAccountHoldsNothingBeyondTheSchoolRole() {
        String bin = Institutions.createSchool(Institutions.AKMOLA_VILLAGE);
        createAccount(Tokens.MINISTRY, bin).then().statusCode(201);
        String id = KeycloakAdmin.user("school-" + bin).orElseThrow().getString("id");
        assertThat(KeycloakAdmin.effectiveRealmRoles(id)).containsExactly("school");
        assertThat(KeycloakAdmin.effectiveClientRoles(id, "account")).isEmpty();
    }

    @Test
    void anOblastCreatesAccountsForOpenSchoolsOfItsOwnOblastOnly() {
        String akmola = Institutions.createSchool(Institutions.AKMOLA_VILLAGE);
        createAccount(Tokens.OBLAST_AKMOLA, akmola).then().statusCode(201).header("Cache-Control", "no-store")
                .body("username", equalTo("school-" + akmola));
        assertThat(KeycloakAdmin.user("school-" + akmola).orElseThrow().getList("attributes.org_bin"))
                .containsExactly(akmola);

        String almaty = Institutions.createSchool(Institutions.ALMATY_OBLAST_VILLAGE);
        createAccount(Tokens.OBLAST_AKMOLA, almaty).then().statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("no institution with BIN " + Ids.masked(almaty) + " in your jurisdiction"));
        assertThat(KeycloakAdmin.user("school-" + almaty)).isEmpty();

        String closed = Institutions.createSchool(Institutions.AKMOLA_VILLAGE);
        Institutions.close(Tokens.OBLAST_AKMOLA, closed, "2024-06-30", "no pupils left").then().statusCode(200);
        createAccount(Tokens.OBLAST_AKMOLA, closed).then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("is CLOSED"));
        assertThat(KeycloakAdmin.user("school-" + closed)).isEmpty();
    }

    @Test
    void withoutTokenOrWithARoleThatNeverProvisionsNoAccountIsCreated() {
        String bin = Institutions.createSchool(Institutions.AKMOLA_VILLAGE);
        given().contentType(ContentType.JSON).body("{}").post(path(bin))
                .then().statusCode(401).contentType("application/problem+json");
        for (String who : List.of(Tokens.SCHOOL_AKMOLA, Tokens.REPORT_CONSUMER)) {
            createAccount(who, bin).then().statusCode(403).contentType("application/problem+json")
                    .body("status", equalTo(403));
        }
        createAccount(Tokens.MINISTRY, Ids.withWrongCheckDigit(bin)).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("bin"));
        given().header("Authorization", Tokens.bearer(Tokens.MINISTRY)).contentType(ContentType.JSON)
                .body(Map.of("email", "not-an-address")).post(path(bin))
                .then().statusCode(400).body("errors[0].field", equalTo("email"));
        assertThat(KeycloakAdmin.user("school-" + bin)).isEmpty();
    }

    private static Response createAccount(String who, String bin) {
        CREATED.add("school-" + bin);
        return given().header("Authorization", Tokens.bearer(who)).contentType(ContentType.JSON).body("{}")
                .post(path(bin));
    }

    private static String path(String bin) {
        return "/api/v1/institutions/" + bin + "/accounts";
    }
}
