package kz.nobd.ingest.api;

import static kz.nobd.testing.Problems.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kz.nobd.contracts.Topics;
import kz.nobd.testing.Ids;
import kz.nobd.ingest.testing.IngestDb;
import kz.nobd.ingest.testing.RegistryCards;
import kz.nobd.ingest.testing.Submissions;
import kz.nobd.testing.Tokens;
import kz.nobd.ingest.testing.TopicTail;
import kz.nobd.ingest.testing.TopicTail.Message;

/**
 * POST /equipment-reports: a valid report becomes a fact on {@code facts.equipment.v1} keyed by the school's BIN;
 * a report id is counted once; every report is kept, and the latest asOf per school is the current one.
 */
@QuarkusTest
class EquipmentReportTest {
    private static final Duration PUBLISHED = Duration.ofSeconds(30);

    @BeforeEach
    void demoSchools() {
        RegistryCards.ensureDemoSchools();
    }

    @Test
    void aSchoolsValidReportIsAcceptedAndPublishedAsAFactKeyedByItsBin() {
        String bin = Tokens.SCHOOL_AKMOLA_BIN;
        Map<String, Object> report = report(bin, "2026-10-01");
        try (TopicTail facts = TopicTail.fromNow(Topics.FACTS_EQUIPMENT)) {
            String batchId = Submissions.postReport(Tokens.SCHOOL_AKMOLA, report).then().statusCode(202)
                    .body("batchId", notNullValue()).body("received", equalTo(1)).extract().path("batchId");

            Message fact = awaitFacts(facts, report, 1).get(0);
            assertThat(fact.key()).isEqualTo(bin);
            assertThat(fact.text("schoolBin")).isEqualTo(bin);
            assertThat(fact.text("asOf")).isEqualTo("2026-10-01");
            assertThat(fact.json().get("devices")).hasSize(2);
            assertThat(fact.json().at("/devices/0/kind").asText()).isEqualTo("DESKTOP");
            assertThat(fact.json().at("/devices/0/forTeaching").asInt()).isEqualTo(18);
            assertThat(fact.json().at("/devices/1/needsReplacement").asInt()).isEqualTo(1);
            assertThat(fact.json().at("/internet/connected").asBoolean()).isTrue();
            assertThat(fact.json().at("/internet/downloadMbps").asDouble()).isEqualTo(50.5);
            assertThat(fact.json().at("/internet/technology").asText()).isEqualTo("FIBER");
            assertThat(fact.text("receivedAt")).isNotBlank();

            JsonPath batch = Submissions.awaitDecided(Tokens.SCHOOL_AKMOLA, batchId);
            assertThat(batch.getString("kind")).isEqualTo("EQUIPMENT");
            assertThat(batch.getInt("received")).isEqualTo(1);
            assertThat(batch.getInt("accepted")).isEqualTo(1);
            assertThat(batch.getInt("rejected")).isZero();
        }
    }

    @Test
    void theSameReportIdTwiceIsCountedOnceAndADifferentContentUnderItIsRejected() {
        String bin = RegistryCards.openSchool(RegistryCards.AKMOLA_VILLAGE).bin();
        Map<String, Object> report = report(bin, "2026-09-15");
        try (TopicTail facts = TopicTail.fromNow(Topics.FACTS_EQUIPMENT)) {
            Submissions.awaitDecided(Tokens.MINISTRY, submit(report));
            awaitFacts(facts, report, 1);

            JsonPath again = Submissions.awaitDecided(Tokens.MINISTRY, submit(report));
            assertThat(again.getInt("accepted")).as("a repeated report is counted, not rejected").isEqualTo(1);
            assertThat(again.getInt("rejected")).isZero();

            Map<String, Object> changed = new LinkedHashMap<>(report);
            changed.put("asOf", "2026-09-16");
            JsonPath reused = Submissions.awaitDecided(Tokens.MINISTRY, submit(changed));
            assertThat(reused.getInt("accepted")).isZero();
            assertThat(reused.getList("rejections.reason")).containsExactly("EVENT_ID_REUSED");
            assertThat(reused.getString("rejections[0].eventId")).isEqualTo(report.get("reportId"));

            // no second fact arrives, and one row holds the report
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).pollInSameThread()
                    .until(() -> facts.poll().where("reportId", (String) report.get("reportId")).size() == 1);
            assertThat(IngestDb.rows("select as_of from equipment_report where report_id = ?::uuid",
                    report.get("reportId"))).containsExactly(Map.of("as_of", "2026-09-15"));
        }
    }

    @Test
    void anOlderReportArrivingLaterIsKeptButTheNewerStaysCurrent() {
        String bin = RegistryCards.openSchool(RegistryCards.AKMOLA_VILLAGE).bin();
        Map<String, Object> newer = report(bin, "2026-10-01");
        Map<String, Object> older = report(bin, "2026-03-01");
        Map<String, Object> sameDayLater = report(bin, "2026-10-01");
        try (TopicTail facts = TopicTail.fromNow(Topics.FACTS_EQUIPMENT)) {
            Submissions.awaitDecided(Tokens.MINISTRY, submit(newer));
            Submissions.awaitDecided(Tokens.MINISTRY, submit(older));
            awaitFacts(facts, older, 1);

            assertThat(IngestDb.count("select count(*) from equipment_report where school_bin = ?", bin)).isEqualTo(2);
            assertThat(current(bin)).as("the latest asOf is current, whatever the arrival order")
                    .isEqualTo(newer.get("reportId"));

            Submissions.awaitDecided(Tokens.MINISTRY, submit(sameDayLater));
            assertThat(IngestDb.count("select count(*) from equipment_report where school_bin = ?", bin)).isEqualTo(3);
            assertThat(current(bin)).as("same asOf: the later received is current").isEqualTo(sameDayLater.get("reportId"));
        }
    }

    @Test
    void aReportWithSeveralMistakesIsRefusedWithEveryOneListed() {
        Map<String, Object> report = report(Tokens.SCHOOL_AKMOLA_BIN, "2099-01-01");
        report.put("devices", List.of(
                Map.of("kind", "DESKTOP", "total", 10, "forTeaching", 11, "needsReplacement", 0),
                Map.of("kind", "PHONE", "total", 1, "forTeaching", 1, "needsReplacement", 0)));
        report.put("internet", Map.of("connected", false, "downloadMbps", 20, "technology", "FIBER"));

        var response = Submissions.postReport(Tokens.SCHOOL_AKMOLA, report);
        assertInvalid(response, "asOf", "must not be in the future");
        assertInvalid(response, "devices[0].forTeaching", "must not exceed total 10");
        assertInvalid(response, "devices[1].kind", "DESKTOP, LAPTOP");
        assertInvalid(response, "internet.technology", "must be NONE when connected is false");
        assertInvalid(response, "internet.downloadMbps", "must be 0 when connected is false");
    }

    private static String submit(Map<String, Object> report) {
        return Submissions.postReport(Tokens.MINISTRY, report).then().statusCode(202).extract().path("batchId");
    }

    private static String current(String bin) {
        return (String) IngestDb.rows("select report_id from equipment_report where school_bin = ?"
                + " order by as_of desc, received_at desc limit 1", bin).get(0).get("report_id");
    }

    private static List<Message> awaitFacts(TopicTail facts, Map<String, Object> report, int count) {
        String reportId = (String) report.get("reportId");
        return await().atMost(PUBLISHED).pollInSameThread()
                .until(() -> facts.poll().where("reportId", reportId), f -> f.size() >= count);
    }

    static Map<String, Object> report(String bin, String asOf) {
        Map<String, Object> report = new LinkedHashMap<>();
        report.put("reportId", Ids.eventId());
        report.put("schoolBin", bin);
        report.put("asOf", asOf);
        report.put("devices", List.of(
                Map.of("kind", "DESKTOP", "total", 20, "forTeaching", 18, "needsReplacement", 3),
                Map.of("kind", "LAPTOP", "total", 5, "forTeaching", 5, "needsReplacement", 1)));
        report.put("internet", Map.of("connected", true, "downloadMbps", 50.5, "technology", "FIBER"));
        return report;
    }
}
