package kz.nobd.ingest.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kz.nobd.contracts.Topics;
import kz.nobd.ingest.testing.Events;
import kz.nobd.ingest.testing.RegistryCards;
import kz.nobd.ingest.testing.Submissions;
import kz.nobd.ingest.testing.TopicTail;
import kz.nobd.ingest.testing.TopicTail.Message;
import kz.nobd.testing.Ids;
import kz.nobd.testing.Tokens;

/**
 * {@code facts.submissions.v1} tells report-service which schools had submissions accepted, per kind (its
 * completeness): the count of first acceptances, never a rejected event or a repeated one, and no personal data.
 */
@QuarkusTest
class SubmissionFactsTest {
    private static final Duration PUBLISHED = Duration.ofSeconds(30);
    private static final Duration QUIET = Duration.ofSeconds(4);

    @Test
    void acceptedSubmissionsAreCountedPerSchoolAndKind() {
        String school = RegistryCards.openSchool(RegistryCards.AKMOLA_VILLAGE).bin();
        String boy = Ids.boy();
        List<Map<String, Object>> events = List.of(Events.enrolled(boy, school, 3, "2025-09-01"),
                Events.enrolled(Ids.girl(), school, 3, "2025-09-01"),
                Events.promoted(Ids.boy(), school, 4, "2025-10-01")); // never enrolled: INVALID_TRANSITION
        Instant before = Instant.now();
        try (TopicTail submissions = TopicTail.fromNow(Topics.FACTS_SUBMISSIONS)) {
            JsonPath decided = Submissions.submitAndAwait(Tokens.MINISTRY, events);
            assertThat(decided.getInt("accepted")).isEqualTo(2);
            assertThat(decided.getInt("rejected")).isEqualTo(1);
            await().atMost(PUBLISHED).pollInSameThread().until(() -> accepted(submissions.poll(), school) == 2);

            // the same events again are duplicates: no new acceptance to announce
            Submissions.submitAndAwait(Tokens.MINISTRY, events.subList(0, 2));
            Submissions.postReport(Tokens.MINISTRY, Map.of("reportId", Ids.eventId(), "schoolBin", school,
                    "asOf", "2026-10-01", "devices", List.of(Map.of("kind", "LAPTOP", "total", 4, "forTeaching", 4,
                            "needsReplacement", 0)),
                    "internet", Map.of("connected", true, "downloadMbps", 8, "technology", "DSL")))
                    .then().statusCode(202);
            await().atMost(PUBLISHED).pollInSameThread()
                    .until(() -> !submissions.poll().where(m -> isOf(m, school, "EQUIPMENT")).isEmpty());
            await().during(QUIET).atMost(QUIET.plusSeconds(3)).pollInSameThread()
                    .until(() -> accepted(submissions.poll(), school) == 2);

            for (Message message : submissions.where("schoolBin", school)) {
                assertThat(message.key()).isEqualTo(school);
                assertThat(message.json().properties()).extracting(Map.Entry::getKey)
                        .containsExactly("schoolBin", "kind", "accepted", "receivedAt");
                assertThat(Instant.parse(message.text("receivedAt"))).isAfterOrEqualTo(before.minusSeconds(1));
                assertThat(message.value()).doesNotContain(boy);
            }
            assertThat(submissions.where(m -> isOf(m, school, "EQUIPMENT")))
                    .extracting(m -> m.json().get("accepted").asInt()).containsExactly(1);
        }
    }

    private static int accepted(TopicTail submissions, String school) {
        return submissions.where(m -> isOf(m, school, "ENROLMENT")).stream()
                .mapToInt(m -> m.json().get("accepted").asInt()).sum();
    }

    private static boolean isOf(Message message, String school, String kind) {
        return school.equals(message.text("schoolBin")) && kind.equals(message.text("kind"));
    }
}
