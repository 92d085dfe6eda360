package kz.nobd.ingest.testing;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;


import io.quarkus.arc.Arc;
import kz.nobd.contracts.InstitutionCard;
import kz.nobd.contracts.InstitutionStatus;
import kz.nobd.contracts.InstitutionType;
import kz.nobd.contracts.Language;
import kz.nobd.contracts.Locality;
import kz.nobd.contracts.Ownership;
import kz.nobd.contracts.Topics;
import kz.nobd.ingest.store.RegistryView;
import kz.nobd.testing.KafkaLogins;
import kz.nobd.testing.Tokens;
import kz.nobd.testing.Ids;

/**
 * Plays registry-service: produces institution cards to {@code registry.institutions.v1} (key = BIN, value = the
 * card as JSON) and waits until ingest's registry view holds them.
 */
public final class RegistryCards {
    public static final String AKMOLA_VILLAGE = "111033100";
    public static final String ALMATY_OBLAST_VILLAGE = "191037100";
    public static final LocalDate LONG_AGO = LocalDate.of(1970, 9, 1);
    private static final Duration VIEW_CATCHES_UP = Duration.ofSeconds(30);
    private static KafkaProducer<String, String> producer;

    private RegistryCards() {
    }

    /** Version 1 of an OPEN institution at {@code kato}, valid from {@code openedOn}. */
    public static InstitutionCard card(String bin, String kato, InstitutionType type, LocalDate openedOn) {
        return new InstitutionCard(bin, "№" + bin.substring(8) + " мектеп", "Школа №" + bin.substring(8), type,
                Ownership.STATE, kato, kato.substring(0, 2) + "0000000", kato.substring(0, 4) + "00000",
                Locality.RURAL, List.of(Language.KK, Language.RU), 600, 2, null, null, null, InstitutionStatus.OPEN,
                openedOn, null, null, null, 1, openedOn, Instant.now());
    }

    /** The next version of {@code card}: CLOSED on {@code closedOn}, or MERGED into {@code successorBin}. */
    public static InstitutionCard closed(InstitutionCard card, LocalDate closedOn, String successorBin) {
        return new InstitutionCard(card.bin(), card.nameKk(), card.nameRu(), card.type(), card.ownership(), card.kato(),
                card.oblastKato(), card.districtKato(), card.locality(), card.languages(), card.capacity(),
                card.shifts(), null, null, null, successorBin == null ? InstitutionStatus.CLOSED : InstitutionStatus.MERGED,
                card.openedOn(), closedOn, successorBin, successorBin == null ? "no pupils left" : "merged",
                card.version() + 1, closedOn, Instant.now());
    }

    /** The next version of {@code card}, moved to {@code kato} (another oblast) from {@code from}. */
    public static InstitutionCard moved(InstitutionCard card, String kato, LocalDate from) {
        return new InstitutionCard(card.bin(), card.nameKk(), card.nameRu(), card.type(), card.ownership(), kato,
                kato.substring(0, 2) + "0000000", kato.substring(0, 4) + "00000", card.locality(), card.languages(),
                card.capacity(), card.shifts(), null, null, null, card.status(), card.openedOn(), card.closedOn(),
                card.successorBin(), card.closureReason(), card.version() + 1, from, Instant.now());
    }

    /** A fresh OPEN school at {@code kato}, open since 1970, known to the registry view when this returns. */
    public static InstitutionCard openSchool(String kato) {
        return publish(card(Ids.bin(), kato, InstitutionType.SCHOOL, LONG_AGO));
    }

    /** The institutions of the demo school users: version 1 again is harmless (the view ignores known versions). */
    public static void ensureDemoSchools() {
        publish(card(Tokens.SCHOOL_AKMOLA_BIN, AKMOLA_VILLAGE, InstitutionType.SCHOOL, LONG_AGO));
        publish(card(Tokens.SCHOOL_ALMATY_BIN, ALMATY_OBLAST_VILLAGE, InstitutionType.SCHOOL, LONG_AGO));
    }

    /** Produces {@code card} and waits until the view holds that version (or a newer one) of it. */
    public static InstitutionCard publish(InstitutionCard card) {
        send(card);
        RegistryView view = Arc.container().instance(RegistryView.class).get();
        await().atMost(VIEW_CATCHES_UP).until(() -> view.latest(card.bin())
                .map(v -> v.version() >= card.version()).orElse(false));
        return card;
    }

    /** Produces {@code card} without waiting. */
    public static synchronized void send(InstitutionCard card) {
        try {
            String json = kz.nobd.contracts.events.TopicCodec.REGISTRY_INSTITUTIONS.encodeToString(card);
            producer().send(new ProducerRecord<>(Topics.REGISTRY_INSTITUTIONS, card.bin(), json))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("could not publish the card of " + card.bin(), e);
        }
    }

    private static KafkaProducer<String, String> producer() {
        if (producer == null) {
            Properties props = KafkaLogins.of(KafkaLogins.ADMIN);
            props.put(ProducerConfig.ACKS_CONFIG, "all");
            producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }
}
