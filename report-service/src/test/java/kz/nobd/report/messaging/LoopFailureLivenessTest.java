package kz.nobd.report.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import kz.nobd.report.service.ResultCache;
import kz.nobd.report.testing.FactProducer;
import kz.nobd.report.testing.Reports;

/**
 * A consumer thread that dies of an Error makes liveness DOWN, naming the loop: here the fact consumer's batch
 * handler meets a StackOverflowError (thrown by a test stand-in of the answer cache, which the handler calls after
 * each commit); everything else is the production path. Its own profile: the service is restarted for this class,
 * and the dead loop never reaches other tests.
 */
@QuarkusTest
@TestProfile(LoopFailureLivenessTest.OwnInstance.class)
class LoopFailureLivenessTest {
    public static class OwnInstance implements QuarkusTestProfile {
    }

    /** Throws on the fact consumer's thread only. */
    static class FailingCache extends ResultCache {
        @Override
        public void changed() {
            if (Thread.currentThread().getName().startsWith("report-facts")) {
                throw new StackOverflowError("thrown in the fact consumer by the test");
            }
        }
    }

    @Test
    void aConsumerThreadKilledByAnErrorMakesLivenessDownNamingIt() {
        Reports.awaitReady();
        JsonPath live = given().get("/q/health/live").then().statusCode(200).extract().jsonPath();
        assertThat(live.getString("checks.find { it.name == 'background-work' }.data.'report-facts'"))
                .isEqualTo("running");
        QuarkusMock.installMockForType(new FailingCache(), ResultCache.class);
        FactProducer.spell(FactProducer.Spell.open(kz.nobd.testing.Ids.bin(), 1, "F", "KK", LocalDate.of(2025, 9, 1)),
                "OPENED");
        await().atMost(Duration.ofSeconds(30)).until(() -> given().get("/q/health/live").statusCode() == 503);
        long started = System.nanoTime();
        JsonPath down = given().get("/q/health/live").then().statusCode(503).extract().jsonPath();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(1));
        Map<String, Object> check = down.getMap("checks.find { it.name == 'background-work' }");
        assertThat(check).containsEntry("status", "DOWN");
        assertThat(down.getString("checks.find { it.name == 'background-work' }.data.'report-facts'"))
                .isEqualTo("failed: java.lang.StackOverflowError: thrown in the fact consumer by the test");
        assertThat(down.getString("checks.find { it.name == 'background-work' }.data.'report-registry'"))
                .isEqualTo("running");
    }
}
