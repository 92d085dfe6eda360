package kz.nobd.report.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
 * answer within a second: readiness DOWN with the check "kafka" saying why, "database" UP.
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

    static Response timed(String path) {
        long started = System.nanoTime();
        Response response = given().get(path);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).as(path).isLessThan(Duration.ofSeconds(1));
        return response;
    }
}
