package kz.nobd.ingest.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import kz.nobd.testing.Callers;

/** The REST side of ingest as a submitter uses it: post events and reports, then follow the batch. */
public final class Submissions {
    public static final Duration DECIDED = Duration.ofSeconds(45);

    private Submissions() {
    }

    public static Response postEvents(String caller, Object body) {
        return Callers.json(caller).body(body).post("/api/v1/enrolment-events");
    }

    public static Response postReport(String caller, Object body) {
        return Callers.json(caller).body(body).post("/api/v1/equipment-reports");
    }

    /** Posts a batch that must be accepted (202) and returns its batch id. */
    public static String submit(String caller, List<Map<String, Object>> events) {
        Response response = postEvents(caller, events);
        if (response.statusCode() != 202) {
            throw new AssertionError("batch refused: HTTP " + response.statusCode() + " " + response.asString());
        }
        return response.jsonPath().getString("batchId");
    }

    public static Response batch(String caller, String batchId) {
        return Callers.as(caller).get("/api/v1/batches/" + batchId);
    }

    /** Waits until every event of the batch is decided (pending 0) and returns the batch as its submitter sees it. */
    public static JsonPath awaitDecided(String caller, String batchId) {
        return await().atMost(DECIDED).until(() -> {
            Response response = batch(caller, batchId);
            return response.statusCode() == 200 ? response.jsonPath() : null;
        }, b -> b != null && b.getInt("pending") == 0);
    }

    /** Submits a batch and waits until every event of it is decided. */
    public static JsonPath submitAndAwait(String caller, List<Map<String, Object>> events) {
        return awaitDecided(caller, submit(caller, events));
    }
}
