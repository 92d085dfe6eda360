package kz.nobd.report.api;

import static kz.nobd.testing.OpenApiContract.MINISTRY;
import static kz.nobd.testing.OpenApiContract.OBLAST;
import static kz.nobd.testing.OpenApiContract.REPORT_CONSUMER;
import static kz.nobd.testing.OpenApiContract.SCHOOL;
import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import kz.nobd.report.signoff.SignoffAuthorizationTest;
import kz.nobd.report.testing.Reports;
import kz.nobd.testing.Callers;
import kz.nobd.testing.OpenApiContract;
import kz.nobd.testing.Tokens;

/**
 * The OpenAPI document of report-service tells the truth (docs/api.md, "OpenAPI and Swagger UI"): its roles are the
 * report-service matrix of docs/security.md, which {@link ReportAuthorizationTest} and {@link SignoffAuthorizationTest}
 * assert call by call; the roles it leaves out get 403; Swagger UI logs in through Keycloak.
 */
@QuarkusTest
class OpenApiContractTest {
    /** docs/security.md, "report-service matrix": who may call each operation at all (for some level). */
    static final Map<String, Set<String>> ROLES = Map.ofEntries(
            entry("GET /api/v1/rollups/enrolment", Set.of(MINISTRY, OBLAST, SCHOOL, REPORT_CONSUMER)),
            entry("GET /api/v1/rollups/equipment", Set.of(MINISTRY, OBLAST, SCHOOL, REPORT_CONSUMER)),
            entry("GET /api/v1/indicators", Set.of(MINISTRY, OBLAST, SCHOOL, REPORT_CONSUMER)),
            entry("GET /api/v1/completeness", Set.of(MINISTRY, OBLAST)),
            entry("GET /api/v1/audit", Set.of(MINISTRY)),
            entry("GET /api/v1/sdmx/data/enrolment", Set.of(MINISTRY, OBLAST, SCHOOL, REPORT_CONSUMER)),
            // sign-off (docs/signoff.md): report-consumer takes no part in the workflow
            entry("POST /api/v1/periods", Set.of(MINISTRY)),
            entry("GET /api/v1/periods", Set.of(MINISTRY, OBLAST, SCHOOL)),
            entry("GET /api/v1/periods/{id}", Set.of(MINISTRY, OBLAST, SCHOOL)),
            entry("POST /api/v1/periods/{id}/lock", Set.of(MINISTRY)),
            entry("POST /api/v1/periods/{id}/reopen", Set.of(MINISTRY)),
            entry("GET /api/v1/periods/{period}/returns", Set.of(MINISTRY, OBLAST, SCHOOL)),
            entry("GET /api/v1/periods/{period}/returns/{bin}", Set.of(MINISTRY, OBLAST, SCHOOL)),
            entry("POST /api/v1/periods/{period}/returns/{bin}/signature", Set.of(SCHOOL)),
            entry("POST /api/v1/periods/{period}/decisions", Set.of(MINISTRY, OBLAST)));

    @Test
    void everyOperationIsDocumentedWithItsRolesErrorsAndTypes() {
        assertThat(OpenApiContract.problems(OpenApiContract.document(), ROLES)).isEmpty();
    }

    @Test
    void theRolesTableIsTheMatrixTheAuthorizationTestAsserts() {
        List<String> contradictions = new ArrayList<>();
        ReportAuthorizationTest.matrix().forEach(arguments -> {
            Object[] call = arguments.get();
            ReportAuthorizationTest.Call endpoint = (ReportAuthorizationTest.Call) call[1];
            contradictions.addAll(contradiction((String) call[0], "GET " + endpoint.path(), endpoint.toString(),
                    (Integer) call[2]));
        });
        assertThat(contradictions).isEmpty();
    }

    @Test
    void theRolesTableIsTheMatrixTheSignoffAuthorizationTestAsserts() {
        List<String> contradictions = new ArrayList<>();
        Map<String, Set<String>> permitted = new HashMap<>();
        SignoffAuthorizationTest.matrix().forEach(arguments -> {
            Object[] call = arguments.get();
            String caller = (String) call[0];
            SignoffAuthorizationTest.Call endpoint = (SignoffAuthorizationTest.Call) call[1];
            int status = (Integer) call[2];
            contradictions.addAll(contradiction(caller, endpoint.operation(), endpoint.toString(), status));
            if (status != 401 && status != 403) {
                permitted.computeIfAbsent(endpoint.operation(), k -> new TreeSet<>()).add(role(caller));
            }
        });
        // and every documented role of a sign-off operation gets past authorization somewhere in the matrix
        ROLES.forEach((operation, roles) -> {
            if (operation.contains("/api/v1/periods")) {
                assertThat(permitted.get(operation)).as(operation).isEqualTo(new TreeSet<>(roles));
            }
        });
        assertThat(contradictions).isEmpty();
    }

    /** What is wrong when {@code caller} gets {@code status} from {@code operation} but its role is not documented. */
    private static List<String> contradiction(String caller, String operation, String name, int status) {
        if (caller.equals(Callers.NO_TOKEN) || caller.equals(Callers.GARBAGE_TOKEN)) {
            return List.of();
        }
        boolean documented = ROLES.get(operation).contains(role(caller));
        return !documented && status != 403
                ? List.of(caller + " " + name + " -> " + status + " but the role is not documented")
                : List.of();
    }

    @Test
    void everyRoleTheDocumentLeavesOutIsRefused() {
        Reports.awaitReady();
        assertThat(OpenApiContract.refusalProblems(OpenApiContract.document(), Map.of("id", OpenApiContract.anyUuid(),
                "period", OpenApiContract.anyUuid(), "bin", Tokens.SCHOOL_AKMOLA_BIN))).isEmpty();
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
