package kz.nobd.registry.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import kz.nobd.registry.testing.Institutions;
import kz.nobd.registry.testing.Json;
import kz.nobd.testing.Tokens;

/**
 * Optimistic concurrency on PUT: editors who all hold the same ETag send their change at the same moment; exactly
 * one wins, the others get 412 and nothing of theirs is written.
 */
@QuarkusTest
class ConcurrentEditTest {
    private static final int ROUNDS = 4;
    private static final int EDITORS = 4;
    private static final String[] WHO = {Tokens.MINISTRY, Tokens.OBLAST_AKMOLA};

    @TestHTTPResource("/api/v1/institutions/")
    URI institutions;

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final ExecutorService pool = Executors.newFixedThreadPool(EDITORS);

    @AfterEach
    void stopEditors() {
        pool.shutdownNow();
    }

    @Test
    void ofConcurrentPutsWithTheSameETagExactlyOneWinsAndTheOthersGet412() throws Exception {
        String bin = Institutions.createSchool(Institutions.AKMOLA_VILLAGE);
        for (int round = 1; round <= ROUNDS; round++) {
            long before = Long.parseLong(Institutions.get(Tokens.MINISTRY, bin).then().statusCode(200)
                    .extract().header("ETag").replace("\"", ""));
            assertThat(before).isEqualTo(round);

            List<HttpResponse<String>> responses = putTogether(bin, before, round);

            List<HttpResponse<String>> won = responses.stream().filter(r -> r.statusCode() == 200).toList();
            List<HttpResponse<String>> lost = responses.stream().filter(r -> r.statusCode() != 200).toList();
            assertThat(won).as("round %d: 200 responses", round).hasSize(1);
            assertThat(lost).hasSize(EDITORS - 1);
            for (HttpResponse<String> loser : lost) {
                assertThat(loser.statusCode()).as("round %d: %s", round, loser.body()).isEqualTo(412);
                assertThat(loser.headers().firstValue("Content-Type")).hasValue("application/problem+json");
                JsonNode problem = Json.tree(loser.body());
                assertThat(problem.get("status").asInt()).isEqualTo(412);
                assertThat(problem.get("detail").asText()).contains("If-Match \"" + before + "\" is stale")
                        .contains("the card is at version " + (before + 1));
            }
            JsonNode winner = Json.tree(won.get(0).body());
            assertThat(winner.get("version").asLong()).isEqualTo(before + 1);
            assertThat(won.get(0).headers().firstValue("ETag")).hasValue("\"" + (before + 1) + "\"");
            int winningCapacity = winner.get("capacity").asInt();
            String winningEditor = won.get(0).request().headers().firstValue("X-Test-Editor").orElseThrow();

            Institutions.get(Tokens.MINISTRY, bin).then().statusCode(200).header("ETag", "\"" + (before + 1) + "\"")
                    .body("capacity", equalTo(winningCapacity));
            Response history = Institutions.history(Tokens.MINISTRY, bin);
            history.then().statusCode(200);
            assertThat(history.jsonPath().getLong("total")).as("one new version per round").isEqualTo(before + 1);
            assertThat(history.jsonPath().getLong("items[0].version")).isEqualTo(before + 1);
            assertThat(history.jsonPath().getInt("items[0].card.capacity")).isEqualTo(winningCapacity);
            assertThat(history.jsonPath().getString("items[0].changedBy")).isEqualTo(winningEditor);
            assertThat(history.jsonPath().getLong("items[1].version")).isEqualTo(before);
        }
    }

    /** Sends EDITORS PUTs with {@code If-Match: before}, each with its own capacity, released by one latch. */
    private List<HttpResponse<String>> putTogether(String bin, long before, int round) throws Exception {
        List<HttpRequest> requests = new ArrayList<>();
        for (int editor = 0; editor < EDITORS; editor++) {
            String who = WHO[editor % WHO.length];
            Map<String, Object> body = Institutions.body(bin, Institutions.AKMOLA_VILLAGE);
            body.put("capacity", 1000 + round * 10 + editor);
            requests.add(HttpRequest.newBuilder(institutions.resolve(bin)).timeout(Duration.ofSeconds(30))
                    .header("Authorization", Tokens.bearer(who)).header("If-Match", "\"" + before + "\"")
                    .header("Content-Type", "application/json").header("X-Test-Editor", who)
                    .PUT(HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(body))).build());
        }
        CountDownLatch ready = new CountDownLatch(EDITORS);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<HttpResponse<String>>> sent = new ArrayList<>();
        for (HttpRequest request : requests) {
            sent.add(pool.submit(() -> {
                ready.countDown();
                go.await();
                return http.send(request, HttpResponse.BodyHandlers.ofString());
            }));
        }
        assertThat(ready.await(10, TimeUnit.SECONDS)).isTrue();
        go.countDown();
        List<HttpResponse<String>> responses = new ArrayList<>();
        for (Future<HttpResponse<String>> response : sent) {
            responses.add(response.get(60, TimeUnit.SECONDS));
        }
        return responses;
    }
}
