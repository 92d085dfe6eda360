package kz.nobd.registry.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
 * Writes, in the caller's transaction, the history row and the outbox message of each new card version. Before the
 * inserts it takes a transaction-level advisory lock held until commit, so outbox ids and the versions' change
 * numbers ({@code change_seq}, the change feed's cursor) follow commit order: the relay publishes changes in the
 * order they committed, and a change-feed reader never finds a version committed behind its cursor. Several
 * changes of one transaction (an import chunk) take the lock once; their rows are inserted with one COPY per table,
 * in the order of the changes.
 */
@ApplicationScoped
public class InstitutionChangeRecorder {
    @Inject
    InstitutionVersionRepository versions;
    @Inject
    OutboxRepository outbox;
    @Inject
    CardCache cards;

    /** A new version: the card as the change left it, and why it changed. */
    public record Change(InstitutionCard card, ChangeKind kind) {
    }

    public InstitutionCard record(Institution institution, ChangeKind kind, Editor editor) {
        InstitutionCard card = institution.toCard();
        recordAll(List.of(new Change(card, kind)), editor);
        return card;
    }

    /**
     * Records {@code changes} in list order (a card changed twice comes twice, the earlier version first), after
     * flushing the session: the cards changed or persisted so far are written before their versions.
     */
    public void recordAll(List<Change> changes, Editor editor) {
        if (changes.isEmpty()) {
            return;
        }
        List<InstitutionVersion> rows = new ArrayList<>(changes.size());
        List<OutboxMessage> messages = new ArrayList<>(changes.size());
        Instant now = Instant.now();
        for (Change change : changes) {
            InstitutionCard card = change.card();
            String json = toJson(card);
            InstitutionVersion version = new InstitutionVersion();
            version.bin = card.bin();
            version.version = card.version();
            version.changeKind = change.kind();
            version.card = json;
            version.validFrom = card.validFrom();
            version.changedBy = editor.name();
            version.changedByRole = editor.role();
            version.changedAt = card.updatedAt();
            rows.add(version);
            OutboxMessage message = new OutboxMessage();
            message.topic = InstitutionCard.TOPIC;
            message.messageKey = card.bin();
            message.payload = json;
            message.createdAt = now;
            messages.add(message);
        }
        // this replica serves the new versions from the moment the transaction ends (others once PostgreSQL's notice
        // of the commit reaches them)
        cards.forgetAfterCompletion(changes.stream().map(change -> change.card().bin()).distinct().toList());
        versions.flush(); // the cards (JDBC batches), before the versions that refer to them
        outbox.lockWriters();
        versions.insertAll(rows); // their change_seq is drawn now, under the lock, in list order: commit order
        outbox.insertAll(messages);
    }

    /** The card as it is published, and kept in the history: the topic's one encoding. */
    private static String toJson(InstitutionCard card) {
        return TopicCodec.REGISTRY_INSTITUTIONS.encodeToString(card);
    }
}
