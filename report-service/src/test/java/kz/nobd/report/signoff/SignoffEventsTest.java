package kz.nobd.report.signoff;

import static kz.nobd.testing.Tokens.OBLAST_AKMOLA;
import static kz.nobd.testing.Tokens.SCHOOL_AKMOLA;
import static kz.nobd.testing.Tokens.SCHOOL_AKMOLA_BIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import kz.nobd.contracts.events.ReturnStatus;
import kz.nobd.contracts.events.ReturnStatusChange;
import kz.nobd.contracts.events.SignoffKind;
import kz.nobd.report.testing.Cards;
import kz.nobd.report.testing.ConfirmedPeriods;
import kz.nobd.report.testing.FactProducer;
import kz.nobd.report.testing.Reports;
import kz.nobd.report.testing.SignoffTopic;
import kz.nobd.testing.Callers;
import kz.nobd.testing.signing.SigningCa;

/**
 * Every change of a return's status is published to {@code signoff.returns.v1} (docs/signoff.md, "Events"): the
 * demo school of school.akmola signs its return, oblast.akmola accepts it and the ministry locks the period, each
 * through the API; the topic then holds SIGNED, ACCEPTED and LOCKED for it, in seq order, each with who did it, in
 * which role, and the digest of the content signed.
 */
@QuarkusTest
class SignoffEventsTest {
    static final String SCHOOL = SCHOOL_AKMOLA_BIN;

    @Test
    void signedAcceptedAndLockedArePublishedInSeqOrderWithTheirActors() {
        Reports.awaitReady();
        FactProducer.publishCard(Cards.school(SCHOOL, "111000000"));
        LocalDate census = Reports.today().minusDays(20);
        try (SignoffTopic topic = SignoffTopic.fromNow()) {
            String period = ConfirmedPeriods.open(SignoffKind.ENROLMENT, census);
            String returnPath = ConfirmedPeriods.PERIODS + "/" + period + "/returns/" + SCHOOL;
            JsonPath draft = Callers.as(SCHOOL_AKMOLA).get(returnPath).then().statusCode(200).extract().jsonPath();
            String digest = draft.getString("digest");
            Callers.json(SCHOOL_AKMOLA).body(Map.of("digest", digest,
                    "signature", SigningCa.get().valid(SCHOOL).signDetachedBase64(draft.getString("content"))))
                    .post(returnPath + "/signature").then().statusCode(200);
            Callers.json(OBLAST_AKMOLA).body(Map.of("decision", "ACCEPT", "bins", List.of(SCHOOL)))
                    .post(ConfirmedPeriods.PERIODS + "/" + period + "/decisions").then().statusCode(200);
            ConfirmedPeriods.lock(period);

            await().atMost(Duration.ofSeconds(30)).pollInSameThread()
                    .until(() -> topic.poll().changes(period, SCHOOL).size() >= 3);
            List<ReturnStatusChange> changes = topic.changes(period, SCHOOL);
            assertThat(changes).extracting(ReturnStatusChange::seq).containsExactly(1L, 2L, 3L);
            assertThat(changes).extracting(ReturnStatusChange::from).containsExactly(null, ReturnStatus.SIGNED,
                    ReturnStatus.ACCEPTED);
            assertThat(changes).extracting(ReturnStatusChange::to).containsExactly(ReturnStatus.SIGNED,
                    ReturnStatus.ACCEPTED, ReturnStatus.LOCKED);
            assertThat(changes).extracting(ReturnStatusChange::actor).containsExactly(SCHOOL_AKMOLA, OBLAST_AKMOLA,
                    "ministry");
            assertThat(changes).extracting(ReturnStatusChange::actorRole).containsExactly("school", "oblast",
                    "ministry");
            assertThat(changes).extracting(ReturnStatusChange::reason).containsExactly(null, null, "period locked");
            assertThat(changes).allSatisfy(c -> {
                assertThat(c.digest()).isEqualTo(digest);
                assertThat(c.periodKind()).isEqualTo(SignoffKind.ENROLMENT);
                assertThat(c.censusDate()).isEqualTo(census);
                assertThat(c.periodName()).startsWith("enrolment test ");
                assertThat(c.schoolBin()).isEqualTo(SCHOOL);
                assertThat(c.oblastKato()).isEqualTo("110000000");
            });
            assertThat(changes).extracting(ReturnStatusChange::at).isSorted();
            JsonPath history = ConfirmedPeriods.read(period, SCHOOL).jsonPath();
            assertThat(history.getList("history.seq")).containsExactly(1, 2, 3);
            assertThat(history.getList("history.actor")).containsExactly(SCHOOL_AKMOLA, OBLAST_AKMOLA, "ministry");
        }
    }
}
