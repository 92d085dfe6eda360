package kz.nobd.report.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.arc.Arc;
import kz.nobd.contracts.InstitutionCard;
import kz.nobd.contracts.Topics;
import kz.nobd.report.service.SchoolDirectory;
import kz.nobd.testing.KafkaLogins;

/**
 * Plays registry-service and ingest-service: produces institution cards, enrolment spells, equipment reports and
 * submission notices straight onto the real topics, in the shapes those services publish.
 */
public final class FactProducer {
    private static KafkaProducer<String, String> producer;

    private FactProducer() {
    }

    /** An enrolment spell as ingest publishes it (the whole state; validTo null while open). */
    public record Spell(UUID spellId, String schoolBin, int grade, String sex, String language, LocalDate validFrom,
            LocalDate validTo) {

        public static Spell open(String bin, int grade, String sex, String language, LocalDate from) {
            return new Spell(UUID.randomUUID(), bin, grade, sex, language, from, null);
        }

        public Spell closedOn(LocalDate to) {
            return new Spell(spellId, schoolBin, grade, sex, language, validFrom, to);
        }

        public boolean countsOn(LocalDate d) {
            return !d.isBefore(validFrom) && (validTo == null || d.isBefore(validTo));
        }
    }

    /** An equipment report fact: devices as {kind, total, forTeaching, needsReplacement} maps. */
    public record Equipment(UUID reportId, String schoolBin, LocalDate asOf, List<Map<String, Object>> devices,
            boolean connected, double downloadMbps, Instant receivedAt) {
    }

    public static Map<String, Object> device(String kind, int total, int forTeaching, int needsReplacement) {
        return Map.of("kind", kind, "total", total, "forTeaching", forTeaching, "needsReplacement", needsReplacement);
    }

    /** Produces the card and waits until report-service holds that version. */
    public static void publishCard(InstitutionCard card) {
        send(Topics.REGISTRY_INSTITUTIONS, card.bin(), card);
        awaitCard(card);
    }

    public static void awaitCard(InstitutionCard card) {
        SchoolDirectory directory = Arc.container().instance(SchoolDirectory.class).get();
        await().atMost(Duration.ofSeconds(30)).until(() -> directory.all().stream()
                .anyMatch(h -> h.latest().bin().equals(card.bin()) && h.latestVersion() >= card.version()));
    }

    /**
     * A new school in {@code district} with one student enrolled since 2025-09-01 and another who left on
     * {@code left}, both counted (as the ministry sees them) when this returns: tests that need data do not depend
     * on what other tests or earlier runs left in the test database.
     */
    public static String schoolWithStudents(String district, LocalDate left) {
        String bin = kz.nobd.testing.Ids.bin();
        publishCard(Cards.school(bin, district));
        spell(Spell.open(bin, 2, "F", "KK", LocalDate.of(2025, 9, 1)), "OPENED");
        spell(Spell.open(bin, 3, "M", "RU", LocalDate.of(2025, 9, 1)).closedOn(left), "CLOSED");
        await().atMost(Duration.ofSeconds(30)).until(() -> Reports.get(kz.nobd.testing.Tokens.MINISTRY,
                "/api/v1/rollups/enrolment", Map.of("level", "SCHOOL", "bin", bin, "asOf", left.minusDays(1).toString()))
                .jsonPath().getLong("rows[0].students") == 2);
        return bin;
    }

    public static RecordMetadata spell(Spell s, String change) {
        Map<String, Object> fact = new LinkedHashMap<>();
        fact.put("spellId", s.spellId().toString());
        fact.put("schoolBin", s.schoolBin());
        fact.put("grade", s.grade());
        fact.put("sex", s.sex());
        fact.put("birthYear", 2015);
        fact.put("language", s.language());
        fact.put("validFrom", s.validFrom().toString());
        fact.put("validTo", s.validTo() == null ? null : s.validTo().toString());
        fact.put("change", change);
        return send(Topics.FACTS_ENROLMENT, s.spellId().toString(), fact);
    }

    public static void equipment(Equipment e) {
        Map<String, Object> fact = new LinkedHashMap<>();
        fact.put("reportId", e.reportId().toString());
        fact.put("schoolBin", e.schoolBin());
        fact.put("asOf", e.asOf().toString());
        fact.put("devices", e.devices());
        fact.put("internet", Map.of("connected", e.connected(), "downloadMbps", e.downloadMbps(), "technology",
                e.connected() ? "FIBER" : "NONE"));
        fact.put("receivedAt", e.receivedAt().toString());
        send(Topics.FACTS_EQUIPMENT, e.schoolBin(), fact);
    }

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    public static void submission(String bin, String kind, Instant receivedAt) {
        send(Topics.FACTS_SUBMISSIONS, bin,
                Map.of("schoolBin", bin, "kind", kind, "day", LocalDate.ofInstant(receivedAt, ALMATY).toString(),
                        "receivedAt", receivedAt.toString()));
    }

    /**
     * Produces any value as JSON, or raw text when {@code value} is a String, and waits for the broker; returns where
     * the record was stored.
     */
    public static synchronized RecordMetadata send(String topic, String key, Object value) {
        try {
            String json = value instanceof String s ? s
                    : Arc.container().instance(ObjectMapper.class).get().writeValueAsString(value);
            return producer().send(new ProducerRecord<>(topic, key, json)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish to " + topic, e);
        }
    }

    private static KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = KafkaLogins.of(KafkaLogins.ADMIN);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }
}
