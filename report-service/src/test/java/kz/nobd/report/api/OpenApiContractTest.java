package kz.nobd.report.api;

import static kz.nobd.testing.OpenApiContract.MINISTRY;
import static kz.nobd.testing.OpenApiContract.OBLAST;
import static kz.nobd.testing.OpenApiContract.REPORT_CONSUMER;
import static kz.nobd.testing.OpenApiContract.SCHOOL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import kz.nobd.report.testing.Reports;
import kz.nobd.testing.Callers;
import kz.nobd.testing.OpenApiContract;
import kz.nobd.testing.Tokens;

/**
 * The OpenAPI document of report-service tells the truth (docs/api.md, "OpenAPI and Swagger UI"): its roles are the
 * report-service matrix of docs/security.md, which {@link ReportAuthorizationTest} asserts call by call; the roles
 * it leaves out get 403; Swagger UI logs in through Keycloak.
 */
@QuarkusTest
class OpenApiContractTest {
    /** docs/security.md, "report-service matrix": who may call each operation at all (for some level). */
    static final Map<String, Set<String>> ROLES = Map.of(
            "GET /api/v1/rollups/enrolment", Set.of(MINISTRY, OBLAST, SCHOOL, REPORT_CONSUMER),
            "GET /api/v1/rollups/equipment", Set.of(MINISTRY, OBLAST, SCHOOL, REPORT_CONSUMER),
            "GET /api/v1/indicators", Set.of(MINISTRY, OBLAST, SCHOOL, REPORT_CONSUMER),
            "GET /api/v1/completeness", Set.of(MINISTRY, OBLAST),
            "GET /api/v1/audit", Set.of(MINISTRY),
            "GET /api/v1/sdmx/data/enrolment", Set.of(MINISTRY, OBLAST, SCHOOL, REPORT_CONSUMER));

    @Test
    void everyOperationIsDocumentedWithItsRolesErrorsAndTypes() {
        assertThat(OpenApiContract.problems(OpenApiContract.document(), ROLES)).isEmpty();
    }

    @Test
    void theRolesTableIsTheMatrixTheAuthorizationTestAsserts() {
        List<String> contradictions = new ArrayList<>();
        ReportAuthorizationTest.matrix().forEach(arguments -> {
            Object[] call = arguments.get();
            String caller = (String) call[0];
            ReportAuthorizationTest.Call endpoint = (ReportAuthorizationTest.Call) call[1];
            int status = (Integer) call[2];
            if (caller.equals(Callers.NO_TOKEN) || caller.equals(Callers.GARBAGE_TOKEN)) {
                return;
            }
            boolean documented = ROLES.get("GET " + endpoint.path()).contains(role(caller));
            if (!documented && status != 403) {
                contradictions.add(caller + " " + endpoint + " -> " + status + " but the role is not documented");
            }
        });
        assertThat(contradictions).isEmpty();
    }

    @Test
    void everyRoleTheDocumentLeavesOutIsRefused() {
        Reports.awaitReady();
        assertThat(OpenApiContract.refusalProblems(OpenApiContract.document(), Map.of())).isEmpty();
    }

    @Test
    void swaggerUiLogsInThroughKeycloakWithADemoUser() {
        Reports.awaitReady();
        assertThat(OpenApiContract.swaggerUiLoginProblems(OpenApiContract.document(), Tokens.MINISTRY,
                "/api/v1/indicators")).isEmpty();
    }

    private static String role(String caller) {
        return caller.equals(Tokens.REPORT_CONSUMER) ? REPORT_CONSUMER : caller.substring(0, caller.indexOf('.') < 0
                ? caller.length() : caller.indexOf('.'));
    }
}
