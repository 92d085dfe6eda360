package kz.nobd.registry.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import kz.nobd.contracts.InstitutionCard;
import kz.nobd.contracts.events.TopicCodec;
import kz.nobd.registry.domain.ChangeKind;
import kz.nobd.registry.domain.Institution;
import kz.nobd.registry.domain.InstitutionVersion;
import kz.nobd.registry.domain.OutboxMessage;

/**
 * Writes, in the caller's transaction, the history row and the outbox message of a new card version. Before both
 * inserts it takes a transaction-level advisory lock held until commit, so outbox ids and the versions' change
 * numbers ({@code change_seq}, the change feed's cursor) follow commit order: the relay publishes changes in the
 * order they committed, and a change-feed reader never finds a version committed behind its cursor.
 */
@ApplicationScoped
public class InstitutionChangeRecorder {
    /** Advisory lock key serialising outbox writers ("NOBD" in ASCII). */
    static final long OUTBOX_WRITE_LOCK = 0x4E4F4244L;

    @Inject
    EntityManager em;

    public InstitutionCard record(Institution institution, ChangeKind kind, Editor editor) {
        InstitutionCard card = institution.toCard();
        String json = toJson(card);
        InstitutionVersion version = new InstitutionVersion();
        version.bin = card.bin();
        version.version = card.version();
        version.changeKind = kind;
        version.card = json;
        version.validFrom = card.validFrom();
        version.changedBy = editor.name();
        version.changedByRole = editor.role();
        version.changedAt = card.updatedAt();
        em.createNativeQuery("select pg_advisory_xact_lock(" + OUTBOX_WRITE_LOCK + ")").getSingleResult();
        em.persist(version); // its change_seq is drawn now, under the lock: commit order
        em.flush();
        OutboxMessage message = new OutboxMessage();
        message.topic = InstitutionCard.TOPIC;
        message.messageKey = card.bin();
        message.payload = json;
        message.createdAt = Instant.now();
        em.persist(message);
        return card;
    }

    /** The card as it is published, and kept in the history: the topic's one encoding. */
    private static String toJson(InstitutionCard card) {
        return TopicCodec.REGISTRY_INSTITUTIONS.encodeToString(card);
    }
}
