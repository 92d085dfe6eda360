package kz.nobd.ingest.api;

import static kz.nobd.testing.Problems.assertInvalid;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kz.nobd.testing.Dates;
import kz.nobd.testing.Callers;
import kz.nobd.ingest.testing.Events;
import kz.nobd.testing.Ids;
import kz.nobd.ingest.testing.RegistryCards;
import kz.nobd.ingest.testing.Submissions;
import kz.nobd.testing.Tokens;

/**
 * GET /rejections and GET /conflicts are lists of the REST contract (docs/api.md, "Lists"): {@code ?page=0&size=50}
 * (size 1..500), answered as {@code {items, page, size, total}} with the real total, newest rejections first.
 */
@QuarkusTest
class SubmitterListsTest {
    @Test
    void rejectionsArePagedWithTheRealTotal() {
        String school = RegistryCards.openSchool(RegistryCards.AKMOLA_VILLAGE).bin();
        List<Map<String, Object>> neverEnrolled = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            neverEnrolled.add(Events.promoted(Ids.boy(), school, 2, "2025-10-01"));
        }
        String batchId = Submissions.submit(Tokens.MINISTRY, neverEnrolled);
        Submissions.awaitDecided(Tokens.MINISTRY, batchId);

        List<String> seen = new ArrayList<>();
        for (int page = 0; page <= 3; page++) {
            JsonPath list = list("/api/v1/rejections?schoolBin=" + school + "&size=3&page=" + page);
            assertThat(list.getInt("page")).isEqualTo(page);
            assertThat(list.getInt("size")).isEqualTo(3);
            assertThat(list.getInt("total")).isEqualTo(7);
            assertThat(list.getList("items")).hasSize(page < 2 ? 3 : page == 2 ? 1 : 0);
            seen.addAll(list.getList("items.eventId"));
        }
        assertThat(seen).containsExactlyInAnyOrderElementsOf(neverEnrolled.stream().map(Events::id).toList());

        Map<String, Object> item = list("/api/v1/rejections?schoolBin=" + school + "&size=1").getMap("items[0]");
        int index = neverEnrolled.stream().map(Events::id).toList().indexOf(item.get("eventId"));
        assertThat(item).containsEntry("index", index).containsEntry("batchId", batchId)
                .containsEntry("kind", "ENROLMENT").containsEntry("schoolBin", school)
                .containsEntry("reason", "INVALID_TRANSITION").containsKeys("detail", "rejectedAt", "event");
        assertThat(list("/api/v1/rejections?schoolBin=" + school).getInt("size")).as("default size").isEqualTo(50);
        assertThat(list("/api/v1/rejections?schoolBin=" + school + "&since=" + Dates.today().plusDays(1))
                .getInt("total")).isZero();
        assertThat(list("/api/v1/rejections?schoolBin=" + school + "&since=" + Dates.today().minusDays(1))
                .getInt("total")).isEqualTo(7);
    }

    @Test
    void conflictsArePagedWithTheRealTotal() {
        String a = RegistryCards.openSchool(RegistryCards.AKMOLA_VILLAGE).bin();
        String b = RegistryCards.openSchool(RegistryCards.AKMOLA_VILLAGE).bin();
        List<Map<String, Object>> atA = new ArrayList<>();
        List<Map<String, Object>> atB = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String iin = Ids.girl();
            atA.add(Events.enrolled(iin, a, 4, "2025-09-01"));
            atB.add(Events.enrolled(iin, b, 4, "2025-11-0" + (i + 1)));
        }
        Submissions.submitAndAwait(Tokens.MINISTRY, atA);
        Submissions.submitAndAwait(Tokens.MINISTRY, atB);

        JsonPath first = list("/api/v1/conflicts?schoolBin=" + a + "&size=2");
        JsonPath second = list("/api/v1/conflicts?schoolBin=" + a + "&size=2&page=1");
        assertThat(List.of(first.getInt("total"), second.getInt("total"))).containsOnly(3);
        assertThat(first.getList("items.date")).as("oldest first").containsExactly("2025-11-01", "2025-11-02");
        assertThat(second.getList("items.date")).containsExactly("2025-11-03");
        assertThat(second.getInt("page")).isEqualTo(1);
    }

    @Test
    void pagesThatCannotExistAreRefused() {
        for (String path : List.of("/api/v1/rejections", "/api/v1/conflicts")) {
            assertInvalid(Callers.as(Tokens.MINISTRY).get(path + "?size=0"), "size", "1..500");
            assertInvalid(Callers.as(Tokens.MINISTRY).get(path + "?size=501"), "size", "1..500");
            assertInvalid(Callers.as(Tokens.MINISTRY).get(path + "?page=-1"), "page", "page must be 0..");
            assertInvalid(Callers.as(Tokens.MINISTRY).get(path + "?page=first"), "page", "whole number");
        }
    }

    private static JsonPath list(String path) {
        return Callers.as(Tokens.MINISTRY).get(path).then().statusCode(200).extract().jsonPath();
    }
}
