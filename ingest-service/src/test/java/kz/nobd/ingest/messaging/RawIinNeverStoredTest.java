package kz.nobd.ingest.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import kz.nobd.contracts.InstitutionType;
import kz.nobd.contracts.Topics;
import kz.nobd.testing.Dates;
import kz.nobd.testing.Callers;
import kz.nobd.ingest.testing.Events;
import kz.nobd.testing.Ids;
import kz.nobd.ingest.testing.IngestDb;
import kz.nobd.ingest.testing.OutsideProducer;
import kz.nobd.ingest.testing.RegistryCards;
import kz.nobd.testing.Tokens;
import kz.nobd.ingest.testing.TopicTail;
import kz.nobd.ingest.testing.TopicTail.Message;

/**
 * "No topic or table that ingest writes holds a raw IIN" (docs/architecture.md, "Services"), even when an outside
 * producer puts the IIN where it does not belong: in a misspelt field, in the school's field, or in the record key.
 */
@QuarkusTest
class RawIinNeverStoredTest {
    private static final Duration DECIDED = Duration.ofSeconds(60);

    @Test
    void anIinInAFieldWhereItDoesNotBelongIsMaskedInTheRejectionEverywhere() {
        String misspelt = Ids.girl();
        String inSchoolField = Ids.boy();
        Map<String, Object> event = Events.enrolled(misspelt, Tokens.SCHOOL_AKMOLA_BIN, 1, "2025-10-01");
        event.remove("studentIin");
        event.put("studentIIN", misspelt);
        event.put("schoolBin", inSchoolField);
        try (OutsideProducer outside = new OutsideProducer(); TopicTail rejected = TopicTail.fromNow(Topics.INGEST_REJECTED)) {
            outside.sendJson(Topics.INGEST_ENROLMENT, "outside", event);
            Message rejection = await().atMost(DECIDED).pollInSameThread()
                    .until(() -> rejected.poll().where(m -> Events.id(event).equals(m.key())), l -> !l.isEmpty()).get(0);

            assertThat(rejection.text("reason")).isEqualTo("MALFORMED");
            assertThat(rejection.value()).as("the rejection on the topic").doesNotContain(misspelt, inSchoolField);
            assertThat(rejection.json().at("/event/studentIIN").asText()).isEqualTo(Ids.masked(misspelt));
            String api = Callers.as(Tokens.MINISTRY).get("/api/v1/rejections?size=500&since=" + Dates.today().minusDays(1))
                    .then().statusCode(200).extract().asString();
            assertThat(api).contains(Events.id(event)).doesNotContain(misspelt, inSchoolField);
            assertThat(IngestDb.rows("select school_bin, detail, event::text as event from event_outcome"
                    + " where event_id = ?::uuid", Events.id(event)).toString())
                    .as("the stored outcome").doesNotContain(misspelt, inSchoolField);
        }
    }

    @Test
    void aRecordParkedUntilItsSchoolIsKnownIsStoredPseudonymisedAndStillProcessed() {
        String iin = Ids.girl();
        String bin = Ids.bin();
        Map<String, Object> event = Events.enrolled(iin, bin, 2, "2025-10-01");
        try (OutsideProducer outside = new OutsideProducer()) {
            outside.sendJson(Topics.INGEST_ENROLMENT, iin, event); // an outside system keys by the student's IIN
            List<Map<String, Object>> parked = await().atMost(Duration.ofSeconds(8)).until(() -> IngestDb.rows(
                    "select record_key, convert_from(payload, 'UTF8') as payload from parked_record where school_bin = ?",
                    bin), rows -> rows.size() == 1);
            assertThat(parked.toString()).as("the parked record").contains(Events.id(event)).doesNotContain(iin);

            RegistryCards.publish(RegistryCards.card(bin, RegistryCards.AKMOLA_VILLAGE, InstitutionType.SCHOOL,
                    RegistryCards.LONG_AGO));
            await().atMost(DECIDED).until(() -> IngestDb.spells(iin), s -> s.size() == 1);
            assertThat(IngestDb.spells(iin)).containsExactly(bin + " 2 KK 2025-10-01..");
            assertThat(IngestDb.rows("select sex, birth_year, iin_last4 from student where student_id = ?",
                    IngestDb.studentId(iin))).containsExactly(Map.of("sex", "F", "birth_year",
                    2000 + Integer.parseInt(iin.substring(0, 2)), "iin_last4", iin.substring(8)));
            assertThat(IngestDb.count("select count(*) from parked_record where school_bin = ?", bin)).isZero();
        }
    }
}
