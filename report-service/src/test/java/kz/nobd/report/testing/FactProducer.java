package kz.nobd.report.testing;

import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
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
import kz.nobd.contracts.Language;
import kz.nobd.contracts.Topics;
import kz.nobd.contracts.events.Device;
import kz.nobd.contracts.events.DeviceKind;
import kz.nobd.contracts.events.EquipmentFact;
import kz.nobd.contracts.events.InputKind;
import kz.nobd.contracts.events.Internet;
import kz.nobd.contracts.events.InternetTechnology;
import kz.nobd.contracts.events.Sex;
import kz.nobd.contracts.events.SpellChange;
import kz.nobd.contracts.events.SpellFact;
import kz.nobd.contracts.events.SubmissionFact;
import kz.nobd.contracts.events.TopicCodec;
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
        send(Topics.REGISTRY_INSTITUTIONS, card.bin(), TopicCodec.REGISTRY_INSTITUTIONS.encodeToString(card));
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
        SpellFact fact = new SpellFact(s.spellId(), s.schoolBin(), s.grade(), Sex.valueOf(s.sex()), 2015,
                Language.valueOf(s.language()), s.validFrom(), s.validTo(), SpellChange.valueOf(change));
        return send(Topics.FACTS_ENROLMENT, s.spellId().toString(), TopicCodec.FACTS_ENROLMENT.encodeToString(fact));
    }

    public static void equipment(Equipment e) {
        List<Device> devices = e.devices().stream().map(d -> new Device(DeviceKind.valueOf((String) d.get("kind")),
                (Integer) d.get("total"), (Integer) d.get("forTeaching"), (Integer) d.get("needsReplacement"))).toList();
        Internet internet = new Internet(e.connected(), BigDecimal.valueOf(e.downloadMbps()),
                e.connected() ? InternetTechnology.FIBER : InternetTechnology.NONE);
        EquipmentFact fact = new EquipmentFact(e.reportId(), e.schoolBin(), e.asOf(), devices, internet, e.receivedAt());
        send(Topics.FACTS_EQUIPMENT, e.schoolBin(), TopicCodec.FACTS_EQUIPMENT.encodeToString(fact));
    }

    private static final ZoneId ALMATY = ZoneId.of("Asia/Almaty");

    public static void submission(String bin, String kind, Instant receivedAt) {
        SubmissionFact fact = new SubmissionFact(bin, InputKind.valueOf(kind), LocalDate.ofInstant(receivedAt, ALMATY),
                receivedAt);
        send(Topics.FACTS_SUBMISSIONS, bin, TopicCodec.FACTS_SUBMISSIONS.encodeToString(fact));
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
