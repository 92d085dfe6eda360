package kz.nobd.registry.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import kz.nobd.registry.testing.Institutions;

/** The operations endpoints an orchestrator and an operator rely on: health, OpenAPI, Swagger UI, metrics. */
@QuarkusTest
class OperationsEndpointsTest {

    @Test
    void readinessIsUpAndCoversTheDatabaseAndKafka() {
        // the probes run in the background: the first results arrive within a probe's timeout of the start
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> timed("/q/health/ready").then().statusCode(200)
                .contentType(containsString("application/json")).body("status", equalTo("UP"))
                .body("checks.name", hasItems("database", "kafka"))
                .body("checks.status", everyItem(equalTo("UP"))));
    }

    @Test
    void livenessIsUpAndNamesTheOutboxRelay() {
        timed("/q/health/live").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'background-work' }.status", equalTo("UP"))
                .body("checks.find { it.name == 'background-work' }.data.'registry outbox relay'",
                        startsWith("last tick started "));
    }

    /** A health answer, which must come within a second whatever the dependencies do. */
    private static Response timed(String path) {
        long started = System.nanoTime();
        Response response = given().get(path);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as(path).isLessThan(Duration.ofSeconds(1));
        return response;
    }

    @Test
    void theOpenApiDocumentDescribesTheInstitutionAndAccountPaths() {
        given().accept("application/json").get("/q/openapi").then().statusCode(200)
                .body("openapi", org.hamcrest.Matchers.startsWith("3."))
                .body("info.title", equalTo("NOBD registry-service"))
                .body("paths.keySet()", hasItems("/api/v1/institutions", "/api/v1/institutions/{bin}",
                        "/api/v1/institutions/{bin}/accounts", "/api/v1/institutions/import"))
                .body("paths.'/api/v1/institutions/{bin}/accounts'.post", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void swaggerUiIsServed() {
        Response ui = given().redirects().follow(true).get("/q/swagger-ui");
        ui.then().statusCode(200).contentType(containsString("text/html"));
        assertThat(ui.asString()).containsIgnoringCase("swagger");
    }

    @Test
    void metricsExposeHttpJvmAndOutboxFigures() {
        double before = outboxPublished(metrics());
        Institutions.createSchool(Institutions.AKMOLA_VILLAGE);
        await().atMost(Duration.ofSeconds(30)).until(() -> outboxPublished(metrics()) > before);
        assertThat(metrics()).contains("http_server_requests_seconds_count{").contains("jvm_memory_used_bytes{");
    }

    private static String metrics() {
        return given().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The value of the relay's published-messages counter in the Prometheus text. */
    private static double outboxPublished(String metrics) {
        Matcher line = Pattern.compile("(?m)^nobd_outbox_published(?:_total)?(?:\\{[^}]*})? (\\S+)$").matcher(metrics);
        if (!line.find()) {
            throw new AssertionError("no nobd_outbox_published counter in /q/metrics");
        }
        return Double.parseDouble(line.group(1));
    }
}
