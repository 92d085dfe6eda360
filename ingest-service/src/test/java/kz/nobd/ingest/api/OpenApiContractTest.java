package kz.nobd.ingest.api;

import static kz.nobd.testing.OpenApiContract.MINISTRY;
import static kz.nobd.testing.OpenApiContract.OBLAST;
import static kz.nobd.testing.OpenApiContract.SCHOOL;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import kz.nobd.testing.OpenApiContract;
import kz.nobd.testing.Tokens;

/**
 * The OpenAPI document of ingest-service tells the truth (docs/api.md, "OpenAPI and Swagger UI"): its roles are the
 * ingest-service matrix of docs/security.md (which {@link IngestAuthorizationTest} asserts), every role it leaves
 * out gets 403 from the running service, and Swagger UI logs in through Keycloak.
 */
@QuarkusTest
class OpenApiContractTest {
    /** docs/security.md, "ingest-service matrix": who may call each operation at all. */
    static final Map<String, Set<String>> ROLES = Map.of(
            "POST /api/v1/enrolment-events", Set.of(MINISTRY, SCHOOL),
            "POST /api/v1/equipment-reports", Set.of(MINISTRY, SCHOOL),
            "GET /api/v1/batches/{batchId}", Set.of(MINISTRY, SCHOOL),
            "GET /api/v1/rejections", Set.of(MINISTRY, OBLAST, SCHOOL),
            "GET /api/v1/conflicts", Set.of(MINISTRY, OBLAST, SCHOOL));

    @Test
    void everyOperationIsDocumentedWithItsRolesErrorsAndTypes() {
        assertThat(OpenApiContract.problems(OpenApiContract.document(), ROLES)).isEmpty();
    }

    @Test
    void everyRoleTheDocumentLeavesOutIsRefused() {
        assertThat(OpenApiContract.refusalProblems(OpenApiContract.document(),
                Map.of("batchId", OpenApiContract.anyUuid()))).isEmpty();
    }

    @Test
    void swaggerUiLogsInThroughKeycloakWithADemoUser() {
        assertThat(OpenApiContract.swaggerUiLoginProblems(OpenApiContract.document(), Tokens.SCHOOL_AKMOLA,
                "/api/v1/rejections")).isEmpty();
    }
}
