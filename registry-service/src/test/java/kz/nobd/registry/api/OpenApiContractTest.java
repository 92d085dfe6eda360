package kz.nobd.registry.api;

import static kz.nobd.testing.OpenApiContract.MINISTRY;
import static kz.nobd.testing.OpenApiContract.OBLAST;
import static kz.nobd.testing.OpenApiContract.REPORT_CONSUMER;
import static kz.nobd.testing.OpenApiContract.SCHOOL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;

import io.quarkus.test.junit.QuarkusTest;
import kz.nobd.testing.Callers;
import kz.nobd.testing.OpenApiContract;
import kz.nobd.testing.Tokens;

/**
 * The OpenAPI document of registry-service tells the truth (docs/api.md, "OpenAPI and Swagger UI"): its roles are the
 * registry-service matrix of docs/security.md, consistent with the tables {@link InstitutionReadAuthorizationTest}
 * and {@link InstitutionWriteAuthorizationTest} assert call by call; the roles it leaves out get 403; Swagger UI logs
 * in through Keycloak.
 */
@QuarkusTest
class OpenApiContractTest {
    private static final Set<String> EVERY_ROLE = Set.of(MINISTRY, OBLAST, SCHOOL, REPORT_CONSUMER);
    private static final Set<String> WRITERS = Set.of(MINISTRY, OBLAST);
    /** docs/security.md, "registry-service matrix": who may call each operation at all. */
    static final Map<String, Set<String>> ROLES = Map.ofEntries(
            Map.entry("GET /api/v1/territories", EVERY_ROLE),
            Map.entry("POST /api/v1/institutions", WRITERS),
            Map.entry("GET /api/v1/institutions", EVERY_ROLE),
            Map.entry("GET /api/v1/institutions/{bin}", EVERY_ROLE),
            Map.entry("GET /api/v1/institutions/{bin}/history", EVERY_ROLE),
            Map.entry("GET /api/v1/institutions/changes", EVERY_ROLE),
            Map.entry("PUT /api/v1/institutions/{bin}", WRITERS),
            Map.entry("POST /api/v1/institutions/{bin}/closure", WRITERS),
            Map.entry("POST /api/v1/institutions/import", WRITERS),
            Map.entry("GET /api/v1/institutions/import-jobs/{id}", WRITERS),
            Map.entry("POST /api/v1/institutions/{bin}/accounts", WRITERS));

    @Test
    void everyOperationIsDocumentedWithItsRolesErrorsAndTypes() {
        assertThat(OpenApiContract.problems(OpenApiContract.document(), ROLES)).isEmpty();
    }

    @Test
    void theRolesTableAgreesWithWhatTheAuthorizationTestsAssert() {
        List<String> contradictions = new ArrayList<>();
        check(InstitutionReadAuthorizationTest.territories(), contradictions, "GET /api/v1/territories");
        check(InstitutionReadAuthorizationTest.readOfAkmolaCard(), contradictions, "GET /api/v1/institutions/{bin}",
                "GET /api/v1/institutions/{bin}/history");
        check(InstitutionReadAuthorizationTest.searchForAkmolaCard(), contradictions, "GET /api/v1/institutions");
        check(InstitutionWriteAuthorizationTest.createInAkmola(), contradictions, "POST /api/v1/institutions");
        check(InstitutionWriteAuthorizationTest.writeOnAkmola(), contradictions, "PUT /api/v1/institutions/{bin}",
                "POST /api/v1/institutions/{bin}/closure");
        check(InstitutionWriteAuthorizationTest.importOfAkmolaRow(), contradictions, "POST /api/v1/institutions/import");
        check(InstitutionWriteAuthorizationTest.accountForAkmolaSchool(), contradictions,
                "POST /api/v1/institutions/{bin}/accounts");
        assertThat(contradictions).isEmpty();
    }

    @Test
    void everyRoleTheDocumentLeavesOutIsRefused() {
        assertThat(OpenApiContract.refusalProblems(OpenApiContract.document(),
                Map.of("bin", Tokens.SCHOOL_AKMOLA_BIN, "id", OpenApiContract.anyUuid()))).isEmpty();
    }

    @Test
    void swaggerUiLogsInThroughKeycloakWithADemoUser() {
        assertThat(OpenApiContract.swaggerUiLoginProblems(OpenApiContract.document(), Tokens.OBLAST_AKMOLA,
                "/api/v1/territories")).isEmpty();
    }

    /** A role the table leaves out is refused with 403 in every row of the authorization test's table. */
    private static void check(Stream<Arguments> table, List<String> contradictions, String... operations) {
        table.forEach(row -> {
            String caller = (String) row.get()[0];
            int status = (Integer) row.get()[1];
            if (caller.equals(Callers.NO_TOKEN) || caller.equals(Callers.GARBAGE_TOKEN)) {
                return;
            }
            for (String operation : operations) {
                boolean documented = ROLES.get(operation).contains(role(caller));
                if (!documented && status != 403) {
                    contradictions.add(operation + ": " + caller + " gets " + status + " but its role is not documented");
                }
            }
        });
    }

    private static String role(String caller) {
        return caller.equals(Tokens.REPORT_CONSUMER) ? REPORT_CONSUMER
                : caller.contains(".") ? caller.substring(0, caller.indexOf('.')) : caller;
    }
}
