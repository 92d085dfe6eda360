package kz.nobd.ingest.api;

import static kz.nobd.testing.Tokens.MINISTRY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import kz.nobd.ingest.testing.Events;
import kz.nobd.ingest.testing.RegistryCards;
import kz.nobd.ingest.testing.Submissions;
import kz.nobd.testing.HeldTurns;
import kz.nobd.testing.Ids;
import kz.nobd.testing.Tokens;

/**
 * While as many REST submissions are handled as allowed (8, held here by the test), another waits two seconds and
 * gets 503 problem+json with Retry-After, nothing published; once a turn is free the same batch is accepted.
 */
@QuarkusTest
class SubmissionTurnsTest {
    @Inject
    SubmissionTurns turns;

    @Test
    void aSubmissionBeyondTheBoundIsRefusedWithRetryAfter() throws Exception {
        RegistryCards.ensureDemoSchools();
        List<Map<String, Object>> batch = List.of(Events.enrolled(Ids.girl(), Tokens.SCHOOL_AKMOLA_BIN, 2, "2025-09-01"));
        try (HeldTurns held = HeldTurns.take(8, turns::inTurn)) {
            Response busy = Submissions.postEvents(MINISTRY, batch);
            assertThat(busy.statusCode()).isEqualTo(503);
            assertThat(busy.contentType()).startsWith("application/problem+json");
            assertThat(busy.header("Retry-After")).isEqualTo("5");
            assertThat(busy.jsonPath().getString("detail")).contains("submissions").contains("again later");
        }
        String batchId = Submissions.submit(MINISTRY, batch);
        assertThat(Submissions.awaitDecided(MINISTRY, batchId).getLong("accepted")).isEqualTo(1);
    }
}
