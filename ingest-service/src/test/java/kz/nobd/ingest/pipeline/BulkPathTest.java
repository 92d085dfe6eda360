package kz.nobd.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import kz.nobd.ingest.testing.Events;
import kz.nobd.ingest.testing.IngestDb;
import kz.nobd.ingest.testing.RegistryCards;
import kz.nobd.ingest.testing.Submissions;
import kz.nobd.testing.Ids;
import kz.nobd.testing.Tokens;

/**
 * The bulk path (EnrolmentProcessor): a batch of new students commits without looking them up; a batch that meets a
 * stored student or an accepted event id as if they were new is decided again with the lookups, with the same
 * result as if it had looked up from the start; a student whose event an empty timeline refuses is looked up at
 * once. The test profile tries the bulk path on every batch ({@code lookup-batches-after-miss=0}), so every other
 * test goes through it too.
 */
@QuarkusTest
class BulkPathTest {
    @Inject
    MeterRegistry meters;

    @Test
    void newStudentsCommitWithoutLookupsAndStoredOnesAreDecidedAgainWithThem() {
        String a = RegistryCards.openSchool(RegistryCards.AKMOLA_VILLAGE).bin();
        String b = RegistryCards.openSchool(RegistryCards.AKMOLA_VILLAGE).bin();
        String iin = Ids.girl();
        Map<String, Object> enrolledAtA = Events.enrolled(iin, a, 5, "2025-09-01");

        double committed = bulk("committed");
        assertThat(accepted(enrolledAtA)).isEqualTo(1);
        assertThat(bulk("committed")).as("a new student: no lookup needed").isGreaterThan(committed);

        double missed = bulk("missed");
        assertThat(accepted(Events.enrolled(iin, b, 5, "2026-02-01"))).isEqualTo(1);
        assertThat(bulk("missed")).as("the student was stored: decided again").isGreaterThan(missed);
        assertThat(IngestDb.spells(iin)).containsExactly(a + " 5 KK 2025-09-01..2026-02-01", b + " 5 KK 2026-02-01..");

        missed = bulk("missed");
        assertThat(accepted(enrolledAtA)).as("the same event again: counted once").isEqualTo(1);
        assertThat(bulk("missed")).as("its id was accepted: decided again").isGreaterThan(missed);
        assertThat(IngestDb.count("select count(*) from accepted_event where event_id = ?::uuid", Events.id(enrolledAtA)))
                .isEqualTo(1);
        assertThat(IngestDb.spells(iin)).hasSize(2);

        missed = bulk("missed");
        assertThat(accepted(Events.promoted(iin, b, 6, "2026-09-01")))
                .as("refused on an empty timeline, valid on the stored one").isEqualTo(1);
        assertThat(bulk("missed")).as("looked up at once, not decided twice").isEqualTo(missed);
        assertThat(IngestDb.spells(iin)).containsExactly(a + " 5 KK 2025-09-01..2026-02-01",
                b + " 5 KK 2026-02-01..2026-09-01", b + " 6 KK 2026-09-01..");
    }

    @Test
    void anEnrolmentTwiceAtOneSchoolInOneBatchIsRefusedAfterLookingUp() {
        String school = RegistryCards.openSchool(RegistryCards.AKMOLA_VILLAGE).bin();
        String iin = Ids.boy();
        double missed = bulk("missed");

        var decided = Submissions.submitAndAwait(Tokens.MINISTRY, List.of(Events.enrolled(iin, school, 2, "2025-09-01"),
                Events.enrolled(iin, school, 2, "2025-09-02")));

        assertThat(decided.getInt("accepted")).isEqualTo(1);
        assertThat(decided.getList("rejections.reason")).containsExactly("INVALID_TRANSITION");
        assertThat(bulk("missed")).as("not foreseen without a lookup: decided again").isGreaterThan(missed);
        assertThat(IngestDb.spells(iin)).containsExactly(school + " 2 KK 2025-09-01..");
    }

    private double bulk(String outcome) {
        return meters.counter("nobd.ingest.bulk.batches", "outcome", outcome).count();
    }

    private static int accepted(Map<String, Object> event) {
        return Submissions.submitAndAwait(Tokens.MINISTRY, List.of(event)).getInt("accepted");
    }
}
