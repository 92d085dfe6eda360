package kz.nobd.registry.repository;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;

import org.hibernate.Session;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Sort;
import kz.nobd.registry.domain.InstitutionVersion;
import kz.nobd.support.CopyRows;

/**
 * The history of the cards. The change feed is native SQL: it follows {@code change_seq} (drawn by the database)
 * and joins each version to the one before it to see a card that left an oblast. New versions are inserted with one
 * COPY ({@link #insertAll}): an import chunk writes a thousand at once.
 */
@ApplicationScoped
public class InstitutionVersionRepository implements PanacheRepositoryBase<InstitutionVersion, InstitutionVersion.Key> {

    /**
     * Inserts {@code versions} in the caller's transaction, in list order, with one COPY: each gets its
     * {@code change_seq} from the sequence as it is inserted, so the numbers follow the list. Call it holding the
     * writers' lock ({@link OutboxRepository#lockWriters()}), after the cards they belong to are flushed.
     */
    public void insertAll(List<InstitutionVersion> versions) {
        if (versions.isEmpty()) {
            return;
        }
        CopyRows rows = new CopyRows("institution_version (bin, version, change_kind, card, valid_from, changed_by,"
                + " changed_by_role, changed_at)");
        for (InstitutionVersion version : versions) {
            rows.add(version.bin).add(version.version).add(version.changeKind).add(version.card)
                    .add(version.validFrom).add(version.changedBy).add(version.changedByRole).add(version.changedAt)
                    .endRow();
        }
        getEntityManager().unwrap(Session.class).doWork(rows::copyInto);
    }

    /** Every version of a card, newest first. */
    public PanacheQuery<InstitutionVersion> historyOf(String bin) {
        return find("bin", Sort.descending("version"), bin);
    }

    /**
     * Up to {@code limit} versions with a {@code change_seq} after {@code since}, in commit order; with
     * {@code oblastKato}, only the versions of cards in that oblast or that moved a card out of it; with
     * {@code bin}, only that card's versions.
     */
    @SuppressWarnings("unchecked")
    public List<InstitutionVersion> changesAfter(long since, String oblastKato, String bin, int limit) {
        StringBuilder sql = new StringBuilder("select v.* from institution_version v");
        if (oblastKato != null) {
            sql.append(" left join institution_version p on p.bin = v.bin and p.version = v.version - 1");
        }
        sql.append(" where v.change_seq > :since");
        if (oblastKato != null) {
            sql.append(" and ((v.card ->> 'oblastKato') = :oblast or (p.card ->> 'oblastKato') = :oblast)");
        }
        if (bin != null) {
            sql.append(" and v.bin = :bin");
        }
        sql.append(" order by v.change_seq");
        Query query = getEntityManager().createNativeQuery(sql.toString(), InstitutionVersion.class)
                .setParameter("since", since).setMaxResults(limit)
                .setHint(InstitutionRepository.TIMEOUT_HINT, InstitutionRepository.QUERY_TIMEOUT_MS);
        if (oblastKato != null) {
            query.setParameter("oblast", oblastKato);
        }
        if (bin != null) {
            query.setParameter("bin", bin);
        }
        return query.getResultList();
    }
}
