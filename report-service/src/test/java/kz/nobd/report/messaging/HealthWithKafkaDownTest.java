package kz.nobd.report.messaging;

import static io.restassured.RestAssured.given;
import static kz.nobd.testing.Callers.NO_TOKEN;
import static kz.nobd.testing.Callers.as;
import static kz.nobd.testing.Tokens.MINISTRY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * With no Kafka broker where the service looks for one (a port nothing listens on), readiness and liveness still
 * answer within a second: readiness DOWN with the check "kafka" saying why, "database" UP; the API answers 503
 * (the replica cannot catch up) rather than figures from nothing.
 */
@QuarkusTest
@TestProfile(HealthWithKafkaDownTest.NoBroker.class)
class HealthWithKafkaDownTest {
    public static class NoBroker implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("kafka.bootstrap.servers", "127.0.0.1:9", "%test.kafka.bootstrap.servers", "127.0.0.1:9");
        }
    }

    @Test
    void readinessAndLivenessAnswerWithinASecond() {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath ready = timed("/q/health/ready").then().statusCode(503).extract().jsonPath();
            assertThat(ready.getString("checks.find { it.name == 'kafka' }.status")).isEqualTo("DOWN");
            assertThat(ready.getString("checks.find { it.name == 'kafka' }.data.detail")).isNotEqualTo("not probed yet");
            assertThat(ready.getString("checks.find { it.name == 'database' }.status")).isEqualTo("UP");
        });
        for (int i = 0; i < 5; i++) {
            timed("/q/health/ready");
            timed("/q/health/live");
        }
    }

    @Test
    void theApiAnswers503WhileTheReplicaHasNotCaughtUp() {
        Response response = as(MINISTRY)
                .get("/api/v1/rollups/enrolment?level=NATIONAL");
        response.then().statusCode(503).contentType(containsString("application/problem+json"))
                .header("Retry-After", equalTo("5"));
        assertThat(response.jsonPath().getString("detail")).startsWith(
                "this report-service replica is still catching up with published data (registry catching up, facts "
                        + "catching up");
        as(NO_TOKEN).get("/api/v1/rollups/enrolment?level=NATIONAL")
                .then().statusCode(401);
    }

    static Response timed(String path) {
        long started = System.nanoTime();
        Response response = given().get(path);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as(path).isLessThan(Duration.ofSeconds(1));
        return response;
    }
}
