package kz.nobd.dashboard.browser.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.restassured.response.Response;
import kz.nobd.testing.Ids;
import kz.nobd.testing.Tokens;

/**
 * What schools send to ingest-service (POST /enrolment-events, /equipment-reports), sent as the ministry, and the
 * wait until ingest has decided a batch (GET /batches/{id}: nothing pending).
 */
public final class Submissions {
    private Submissions() {
    }

    public static Map<String, Object> event(String type, String iin, String bin, int grade, LocalDate occurredOn) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("eventId", Ids.eventId());
        event.put("type", type);
        event.put("studentIin", iin);
        event.put("schoolBin", bin);
        event.put("grade", grade);
        event.put("language", "KK");
        event.put("occurredOn", occurredOn.toString());
        event.put("schoolYear", schoolYear(occurredOn));
        return event;
    }

    /** "2026-2027" for a date from 2026-09-01 to 2027-08-31 */
    public static String schoolYear(LocalDate date) {
        int first = date.getMonthValue() >= 9 ? date.getYear() : date.getYear() - 1;
        return first + "-" + (first + 1);
    }

    /** sends a batch and waits until ingest has decided every event of it; returns the batch's status */
    public static JsonNode enrol(List<Map<String, Object>> events) {
        Response response = ApiCalls.as(Tokens.MINISTRY).contentType("application/json").body(events)
                .post(ApiCalls.url("ingest") + "/api/v1/enrolment-events");
        assertThat(response.statusCode()).as("enrolment events: %s", response.asString()).isEqualTo(202);
        String batch = response.jsonPath().getString("batchId");
        return await("batch " + batch + " decided").atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
                .until(() -> ApiCalls.ingest(Tokens.MINISTRY, "/batches/" + batch, Map.of()),
                        b -> b.path("pending").asInt() == 0 && b.path("received").asInt() == events.size());
    }

    /** an equipment report of {@code bin} as of {@code asOf}: {@code computers} desktops, the connection given */
    public static void equipment(String bin, LocalDate asOf, int computers, int needsReplacement, BigDecimal mbps) {
        boolean connected = mbps.signum() > 0;
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("reportId", Ids.eventId());
        report.put("schoolBin", bin);
        report.put("asOf", asOf.toString());
        report.put("devices", List.of(
                Map.of("kind", "DESKTOP", "total", computers, "forTeaching", computers, "needsReplacement", needsReplacement),
                Map.of("kind", "PROJECTOR", "total", 2, "forTeaching", 2, "needsReplacement", 0)));
        report.put("internet", Map.of("connected", connected, "downloadMbps", mbps,
                "technology", !connected ? "NONE" : mbps.compareTo(BigDecimal.TEN) >= 0 ? "FIBER" : "SATELLITE"));
        Response response = ApiCalls.as(Tokens.MINISTRY).contentType("application/json").body(report)
                .post(ApiCalls.url("ingest") + "/api/v1/equipment-reports");
        assertThat(response.statusCode()).as("equipment report: %s", response.asString()).isEqualTo(202);
    }
}
