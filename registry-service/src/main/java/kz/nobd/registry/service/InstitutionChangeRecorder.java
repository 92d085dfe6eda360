package kz.nobd.registry.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.nobd.contracts.InstitutionCard;
import kz.nobd.contracts.events.TopicCodec;
import kz.nobd.registry.domain.ChangeKind;
import kz.nobd.registry.domain.Institution;
import kz.nobd.registry.domain.InstitutionVersion;
import kz.nobd.registry.domain.OutboxMessage;
import kz.nobd.registry.repository.InstitutionVersionRepository;
import kz.nobd.registry.repository.OutboxRepository;

/**
 * Writes, in the caller's transaction, the history row and the outbox message of a new card version. Before both
 * inserts it takes a transaction-level advisory lock held until commit, so outbox ids and the versions' change
 * numbers ({@code change_seq}, the change feed's cursor) follow commit order: the relay publishes changes in the
 * order they committed, and a change-feed reader never finds a version committed behind its cursor.
 */
@ApplicationScoped
public class InstitutionChangeRecorder {
    @Inject
    InstitutionVersionRepository versions;
    @Inject
    OutboxRepository outbox;

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
        outbox.lockWriters();
        versions.persistAndFlush(version); // its change_seq is drawn now, under the lock: commit order
        OutboxMessage message = new OutboxMessage();
        message.topic = InstitutionCard.TOPIC;
        message.messageKey = card.bin();
        message.payload = json;
        message.createdAt = Instant.now();
        outbox.persist(message);
        return card;
    }

    /** The card as it is published, and kept in the history: the topic's one encoding. */
    private static String toJson(InstitutionCard card) {
        return TopicCodec.REGISTRY_INSTITUTIONS.encodeToString(card);
    }
}
