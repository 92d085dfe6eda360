package kz.nobd.ingest.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.startsWith;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Liveness names every consumer loop (the input topics' and the registry view's) and the outbox relay, all alive;
 * readiness covers the database, Kafka and the registry view; both answer within a second.
 */
@QuarkusTest
class IngestHealthTest {

    @Test
    void livenessNamesTheLoopsAndTheRelay() {
        timed("/q/health/live").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.find { it.name == 'background-work' }.data.'ingest-registry-view'", equalTo("running"))
                .body("checks.find { it.name == 'background-work' }.data.equipment", equalTo("running"))
                .body("checks.find { it.name == 'background-work' }.data.'enrolment-0'", equalTo("running"))
                .body("checks.find { it.name == 'background-work' }.data.'ingest outbox relay'",
                        startsWith("last tick started "));
    }

    @Test
    void readinessCoversTheDatabaseKafkaAndTheRegistryView() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> timed("/q/health/ready").then().statusCode(200)
                .body("checks.name", hasItems("database", "kafka", "registry-view")));
    }

    private static Response timed(String path) {
        long started = System.nanoTime();
        Response response = given().get(path);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as(path).isLessThan(Duration.ofSeconds(1));
        return response;
    }
}
