package kz.nobd.registry.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import kz.nobd.registry.domain.OutboxMessage;
import kz.nobd.support.CopyRows;

/**
 * The outbox table and the two PostgreSQL advisory locks around it (native: JPA has no advisory locks). Both are
 * transaction-level: held until the caller's transaction ends. Messages are inserted with one COPY: their
 * {@code bigserial} id is an IDENTITY column, with which Hibernate inserts (and waits for) one row at a time.
 */
@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxMessage, Long> {
    /** Advisory lock key serialising outbox writers ("NOBD" in ASCII). */
    static final long WRITE_LOCK = 0x4E4F4244L;
    /** Advisory lock key of the single active relay ("RLAY"). */
    static final long RELAY_LOCK = 0x524C4159L;

    /**
     * Waits for the writers' lock. Taken before a change's history and outbox rows are inserted, it makes outbox
     * ids and the versions' {@code change_seq} follow commit order.
     */
    public void lockWriters() {
        getEntityManager().createNativeQuery("select pg_advisory_xact_lock(" + WRITE_LOCK + ")").getSingleResult();
    }

    /**
     * Inserts {@code messages} in the caller's transaction, in list order (their ids follow it), with one COPY.
     * Call it holding {@link #lockWriters()}.
     */
    public void insertAll(List<OutboxMessage> messages) {
        if (messages.isEmpty()) {
            return;
        }
        CopyRows rows = new CopyRows("outbox_message (topic, message_key, payload, created_at)");
        for (OutboxMessage message : messages) {
            rows.add(message.topic).add(message.messageKey).add(message.payload).add(message.createdAt).endRow();
        }
        getEntityManager().unwrap(Session.class).doWork(rows::copyInto);
    }

    /** Takes the relay's lock if free; false when another relay holds it. */
    public boolean tryLeadRelay() {
        return (Boolean) getEntityManager().createNativeQuery("select pg_try_advisory_xact_lock(" + RELAY_LOCK + ")")
                .getSingleResult();
    }

    /** The oldest {@code size} messages, in id (= commit) order. */
    public List<OutboxMessage> oldest(int size) {
        return findAll(Sort.by("id")).page(Page.ofSize(size)).list();
    }

    /** Deletes the messages of these ids (after Kafka acknowledged them). */
    public long deleteByIds(List<Long> ids) {
        return delete("id in ?1", ids);
    }
}
