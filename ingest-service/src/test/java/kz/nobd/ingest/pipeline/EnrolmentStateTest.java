package kz.nobd.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import kz.nobd.contracts.InstitutionCard;
import kz.nobd.contracts.Topics;
import kz.nobd.contracts.events.SpellFact;
import kz.nobd.contracts.events.TopicCodec;
import kz.nobd.testing.Callers;
import kz.nobd.ingest.testing.Events;
import kz.nobd.testing.Ids;
import kz.nobd.ingest.testing.IngestDb;
import kz.nobd.ingest.testing.RegistryCards;
import kz.nobd.ingest.testing.Submissions;
import kz.nobd.testing.Tokens;
import kz.nobd.ingest.testing.TopicTail;
import kz.nobd.ingest.testing.TopicTail.Message;

/**
 * Accepted events become spells and anonymous facts on {@code facts.enrolment.v1} (docs/architecture.md, "Enrolment
 * fact"): one spell per school, grade and language, closed by promotion, graduation, transfer, a registry closure
 * or merge; the same spells whatever order the events arrive in; conflicts while two schools claim a student.
 */
@QuarkusTest
class EnrolmentStateTest {
    private static final Duration PUBLISHED = Duration.ofSeconds(30);
    /** Every field of the contract's record is on the wire (validTo null while open), and no other. */
    private static final Set<String> FACT_FIELDS = java.util.Arrays.stream(SpellFact.class.getRecordComponents())
            .map(java.lang.reflect.RecordComponent::getName).collect(java.util.stream.Collectors.toSet());

    @Test
    void enrolmentPromotionAndGraduationOpenAndCloseSpellsAsAnonymousFacts() {
        String school = newSchool();
        String iin = Ids.boy();
        try (TopicTail facts = TopicTail.fromNow(Topics.FACTS_ENROLMENT)) {
            Submissions.submitAndAwait(Tokens.MINISTRY, List.of(Events.enrolled(iin, school, 10, "2025-09-01"),
                    Events.promoted(iin, school, 11, "2026-09-01"), Events.graduated(iin, school, 11, "2026-10-20")));
            await().atMost(PUBLISHED).pollInSameThread().until(() -> Set.copyOf(latestPerSpell(facts.poll(), school)),
                    equalTo(Set.of("10 KK 2025-09-01..2026-09-01", "11 KK 2026-09-01..2026-10-20")));
            List<Message> all = facts.where("schoolBin", school);

            // facts are keyed by spell: ordered per spell, not across spells. A fact carries the spell's whole
            // state, so events decided in one polled batch give one fact with the state after all of them.
            Map<String, List<Message>> bySpell = new LinkedHashMap<>();
            all.forEach(m -> bySpell.computeIfAbsent(m.key(), k -> new ArrayList<>()).add(m));
            assertThat(bySpell).hasSize(2);
            for (List<Message> spell : bySpell.values()) {
                assertThat(spell.get(0).text("change")).isEqualTo("OPENED");
                assertThat(spell.subList(1, spell.size()))
                        .allSatisfy(m -> assertThat(m.text("change")).isEqualTo("CLOSED"));
                assertThat(spell).extracting(m -> m.text("spellId")).containsOnly(spell.get(0).key());
            }
            for (Message fact : all) {
                assertThat(fact.json().properties()).extracting(Map.Entry::getKey).containsExactlyInAnyOrderElementsOf(FACT_FIELDS);
                assertThat(TopicCodec.FACTS_ENROLMENT.decode(fact.value()).spellId().toString()).isEqualTo(fact.key());
                assertThat(fact.text("sex")).isEqualTo("M");
                assertThat(fact.json().get("birthYear").asInt()).isEqualTo(2000 + Integer.parseInt(iin.substring(0, 2)));
                assertThat(fact.value()).doesNotContain(iin, IngestDb.studentId(iin));
                assertThat(UUID.fromString(fact.text("spellId"))).isNotEqualTo(UUID.nameUUIDFromBytes(iin.getBytes()));
            }
            assertThat(IngestDb.spells(iin)).containsExactly(school + " 10 KK 2025-09-01..2026-09-01",
                    school + " 11 KK 2026-09-01..2026-10-20");
        }
    }

    @Test
    void aTransferAnnouncedBeforeTheNewSchoolEnrolsMovesTheStudentWithoutAConflict() {
        String a = newSchool();
        String b = newSchool();
        String iin = Ids.girl();
        Map<String, Object> enrolledAtA = Events.enrolled(iin, a, 5, "2025-09-01");
        try (TopicTail facts = TopicTail.fromNow(Topics.FACTS_ENROLMENT)) {
            Submissions.submitAndAwait(Tokens.MINISTRY, List.of(enrolledAtA));
            Submissions.submitAndAwait(Tokens.MINISTRY, List.of(Events.transferred(iin, a, b, 5, "2026-01-15")));
            Submissions.submitAndAwait(Tokens.MINISTRY, List.of(Events.enrolled(iin, b, 5, "2026-01-16")));

            assertThat(awaitFacts(facts, Set.of(a, b), 3)).extracting(m -> m.text("schoolBin") + " " + m.text("change")
                    + " " + m.text("validFrom") + ".." + m.text("validTo")).containsExactlyInAnyOrder(a + " OPENED 2025-09-01..null",
                    a + " CLOSED 2025-09-01..2026-01-15", b + " OPENED 2026-01-16..null");
            assertThat(conflictsOf(a)).isEmpty();
        }
    }

    @Test
    void anEnrolmentAtTheNewSchoolFirstRaisesAConflictThatTheOldSchoolsTransferSettles() {
        String a = newSchool();
        String b = newSchool();
        String iin = Ids.girl();
        Map<String, Object> enrolledAtA = Events.enrolled(iin, a, 7, "2025-09-01");
        try (TopicTail facts = TopicTail.fromNow(Topics.FACTS_ENROLMENT)) {
            Submissions.submitAndAwait(Tokens.MINISTRY, List.of(enrolledAtA));
            Submissions.submitAndAwait(Tokens.MINISTRY, List.of(Events.enrolled(iin, b, 7, "2026-02-01")));

            assertThat(awaitFacts(facts, Set.of(a, b), 3)).extracting(m -> m.text("schoolBin") + " " + m.text("change")
                    + " " + m.text("validTo")).containsExactlyInAnyOrder(a + " OPENED null", a + " CLOSED 2026-02-01",
                    b + " OPENED null");
            List<Map<String, Object>> conflicts = conflictsOf(a);
            assertThat(conflicts).hasSize(1);
            assertThat(conflicts.get(0)).containsEntry("schoolBin", a).containsEntry("originalEventId", Events.id(enrolledAtA))
                    .containsEntry("grade", 7).containsEntry("otherSchoolBin", b).containsEntry("date", "2026-02-01")
                    .containsEntry("iin", Ids.masked(iin));
            assertThat(conflictsOf(b)).isEmpty();

            Submissions.submitAndAwait(Tokens.MINISTRY, List.of(Events.transferred(iin, a, b, 7, "2026-02-03")));
            assertThat(conflictsOf(a)).as("A's transfer settles the conflict").isEmpty();
            assertThat(IngestDb.spells(iin)).containsExactly(a + " 7 KK 2025-09-01..2026-02-01", b + " 7 KK 2026-02-01..");
        }
    }

    @Test
    void anEarlierPromotionArrivingAfterALaterEventGivesTheSameSpellsAsInOrder() {
        String inOrderSchool = newSchool();
        String lateSchool = newSchool();
        String inOrder = Ids.boy();
        String late = Ids.boy();
        try (TopicTail facts = TopicTail.fromNow(Topics.FACTS_ENROLMENT)) {
            for (var event : timeline(inOrder, inOrderSchool)) {
                Submissions.submitAndAwait(Tokens.MINISTRY, List.of(event));
            }
            List<Map<String, Object>> shuffled = timeline(late, lateSchool);
            for (int i : new int[] {0, 2, 1}) {
                assertThat(Submissions.submitAndAwait(Tokens.MINISTRY, List.of(shuffled.get(i))).getInt("accepted"))
                        .as("event %d of the late timeline", i).isEqualTo(1);
            }
            List<String> expected = List.of("3 KK 2025-09-01..2026-09-01", "4 KK 2026-09-01..2026-10-15");
            assertThat(IngestDb.spells(inOrder)).containsExactlyElementsOf(prefixed(inOrderSchool, expected));
            assertThat(IngestDb.spells(late)).containsExactlyElementsOf(prefixed(lateSchool, expected));

            awaitFacts(facts, Set.of(inOrderSchool, lateSchool), 8);
            await().atMost(PUBLISHED).pollInSameThread().untilAsserted(() -> {
                facts.poll();
                assertThat(latestPerSpell(facts, inOrderSchool)).containsExactlyInAnyOrderElementsOf(expected);
                assertThat(latestPerSpell(facts, lateSchool)).as("what report-service makes of the facts")
                        .containsExactlyInAnyOrderElementsOf(expected);
            });
        }
    }

    @Test
    void aRegistryClosureEndsOpenSpellsOnItsClosedOnDate() {
        InstitutionCard card = RegistryCards.openSchool(RegistryCards.AKMOLA_VILLAGE);
        String iin = Ids.girl();
        try (TopicTail facts = TopicTail.fromNow(Topics.FACTS_ENROLMENT)) {
            Submissions.submitAndAwait(Tokens.MINISTRY, List.of(Events.enrolled(iin, card.bin(), 2, "2025-09-01")));
            String spellId = awaitFacts(facts, Set.of(card.bin()), 1).get(0).text("spellId");

            RegistryCards.publish(RegistryCards.closed(card, LocalDate.of(2026, 6, 30), null));
            Message closed = awaitFacts(facts, Set.of(card.bin()), 2).get(1);
            assertThat(closed.text("change")).isEqualTo("CLOSED");
            assertThat(closed.text("spellId")).isEqualTo(spellId);
            assertThat(closed.text("validTo")).isEqualTo("2026-06-30");
            assertThat(IngestDb.spells(iin)).containsExactly(card.bin() + " 2 KK 2025-09-01..2026-06-30");
        }
    }

    @Test
    void aRegistryMergerMovesOpenSpellsToTheSuccessor() {
        InstitutionCard merged = RegistryCards.openSchool(RegistryCards.AKMOLA_VILLAGE);
        String successor = newSchool();
        String iin = Ids.boy();
        Map<String, Object> enrolled = Events.enrolled(iin, merged.bin(), 6, "2025-09-01");
        enrolled.put("language", "RU");
        try (TopicTail facts = TopicTail.fromNow(Topics.FACTS_ENROLMENT)) {
            Submissions.submitAndAwait(Tokens.MINISTRY, List.of(enrolled));
            awaitFacts(facts, Set.of(merged.bin()), 1);

            RegistryCards.publish(RegistryCards.closed(merged, LocalDate.of(2026, 6, 30), successor));
            assertThat(awaitFacts(facts, Set.of(merged.bin(), successor), 3)).extracting(m -> m.text("schoolBin") + " "
                    + m.text("change") + " " + m.text("grade") + " " + m.text("language") + " " + m.text("validFrom")
                    + ".." + m.text("validTo")).containsExactlyInAnyOrder(merged.bin() + " OPENED 6 RU 2025-09-01..null",
                    merged.bin() + " CLOSED 6 RU 2025-09-01..2026-06-30", successor + " OPENED 6 RU 2026-06-30..null");
            assertThat(IngestDb.spells(iin)).containsExactly(merged.bin() + " 6 RU 2025-09-01..2026-06-30",
                    successor + " 6 RU 2026-06-30..");
        }
    }

    private static String newSchool() {
        return RegistryCards.openSchool(RegistryCards.AKMOLA_VILLAGE).bin();
    }

    /** Enrolled in grade 3, promoted to 4 a year later, withdrawn six weeks after that. */
    private static List<Map<String, Object>> timeline(String iin, String school) {
        return List.of(Events.enrolled(iin, school, 3, "2025-09-01"), Events.promoted(iin, school, 4, "2026-09-01"),
                Events.withdrawn(iin, school, 4, "2026-10-15"));
    }

    private static List<String> prefixed(String school, List<String> spells) {
        return spells.stream().map(s -> school + " " + s).toList();
    }

    /** The state of each spell of {@code school} after its last fact: "grade language from..to". */
    private static List<String> latestPerSpell(TopicTail facts, String school) {
        Map<String, Message> latest = new LinkedHashMap<>();
        facts.where("schoolBin", school).forEach(m -> latest.put(m.text("spellId"), m));
        return latest.values().stream().filter(m -> !m.text("validFrom").equals(m.text("validTo")))
                .map(m -> m.text("grade") + " " + m.text("language") + " " + m.text("validFrom") + ".."
                        + (m.text("validTo") == null ? "" : m.text("validTo"))).toList();
    }

    private static List<Message> awaitFacts(TopicTail facts, Set<String> schools, int count) {
        return await().atMost(PUBLISHED).pollInSameThread().until(
                () -> facts.poll().where(m -> schools.contains(m.text("schoolBin"))), f -> f.size() >= count);
    }

    private static List<Map<String, Object>> conflictsOf(String school) {
        return Callers.as(Tokens.MINISTRY).get("/api/v1/conflicts?schoolBin=" + school).then().statusCode(200)
                .extract().jsonPath().getList("items");
    }
}
