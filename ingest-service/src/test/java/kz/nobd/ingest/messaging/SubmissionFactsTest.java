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
import kz.nobd.testing.Dates;
import kz.nobd.testing.Ids;
import kz.nobd.testing.Tokens;

/**
 * {@code facts.submissions.v1} tells report-service which schools had submissions accepted, per kind and day (its
 * completeness): once, at the first acceptance of the day; a rejected or repeated event announces nothing; no
 * personal data.
 */
@QuarkusTest
class SubmissionFactsTest {
    private static final Duration PUBLISHED = Duration.ofSeconds(30);
    private static final Duration QUIET = Duration.ofSeconds(4);

    @Test
    void theFirstAcceptedSubmissionOfADayIsAnnouncedPerSchoolAndKind() {
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
            await().atMost(PUBLISHED).pollInSameThread().until(() -> announced(submissions.poll(), school) == 1);

            // the same events again are duplicates, and a new acceptance the same day was announced already
            Submissions.submitAndAwait(Tokens.MINISTRY, events.subList(0, 2));
            assertThat(Submissions.submitAndAwait(Tokens.MINISTRY, List.of(Events.promoted(boy, school, 4, "2025-10-01")))
                    .getInt("accepted")).isEqualTo(1);
            // this acceptance found the day's row committed, so the next one is not even asked about: still one
            assertThat(Submissions.submitAndAwait(Tokens.MINISTRY, List.of(Events.enrolled(Ids.girl(), school, 5,
                    "2025-09-01"))).getInt("accepted")).isEqualTo(1);
            Submissions.postReport(Tokens.MINISTRY, Map.of("reportId", Ids.eventId(), "schoolBin", school,
                    "asOf", "2026-10-01", "devices", List.of(Map.of("kind", "LAPTOP", "total", 4, "forTeaching", 4,
                            "needsReplacement", 0)),
                    "internet", Map.of("connected", true, "downloadMbps", 8, "technology", "DSL")))
                    .then().statusCode(202);
            await().atMost(PUBLISHED).pollInSameThread()
                    .until(() -> !submissions.poll().where(m -> isOf(m, school, "EQUIPMENT")).isEmpty());
            await().during(QUIET).atMost(QUIET.plusSeconds(3)).pollInSameThread()
                    .until(() -> announced(submissions.poll(), school) == 1);

            for (Message message : submissions.where("schoolBin", school)) {
                assertThat(message.key()).isEqualTo(school);
                assertThat(message.json().properties()).extracting(Map.Entry::getKey)
                        .containsExactly("schoolBin", "kind", "day", "receivedAt");
                assertThat(Instant.parse(message.text("receivedAt"))).isAfterOrEqualTo(before.minusSeconds(1));
                assertThat(message.text("day")).isEqualTo(Dates.today().toString());
                assertThat(message.value()).doesNotContain(boy);
            }
            assertThat(submissions.where(m -> isOf(m, school, "EQUIPMENT"))).hasSize(1);
        }
    }

    private static int announced(TopicTail submissions, String school) {
        return submissions.where(m -> isOf(m, school, "ENROLMENT")).size();
    }

    private static boolean isOf(Message message, String school, String kind) {
        return school.equals(message.text("schoolBin")) && kind.equals(message.text("kind"));
    }
}
