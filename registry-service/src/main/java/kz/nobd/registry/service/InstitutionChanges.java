package kz.nobd.registry.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import kz.nobd.registry.domain.InstitutionVersion;
import kz.nobd.support.Caller;

/**
 * The change feed: card versions in commit order after a cursor (a version's {@code change_seq}), narrowed to the
 * caller's jurisdiction. An oblast sees the versions of cards in its oblast and the version that moved a card out
 * of it (so that its copy can let the card go); a school sees its own card's versions.
 */
@ApplicationScoped
public class InstitutionChanges {
    public static final int DEFAULT_SIZE = 100;
    public static final int MAX_SIZE = 1000;

    @Inject
    EntityManager em;
    @Inject
    Caller caller;

    /** Up to {@code size} versions after {@code since}; {@code more} says whether others follow. */
    public record Slice(List<InstitutionVersion> items, long nextSince, boolean more) {
    }

    public Slice after(long since, int size) {
        StringBuilder sql = new StringBuilder("select v.* from institution_version v");
        Caller.Scope scope = caller.scope();
        if (scope.oblastPrefix().isPresent()) {
            sql.append(" left join institution_version p on p.bin = v.bin and p.version = v.version - 1");
        }
        sql.append(" where v.change_seq > :since");
        scope.oblastPrefix().ifPresent(prefix -> sql.append(
                " and ((v.card ->> 'oblastKato') = :oblast or (p.card ->> 'oblastKato') = :oblast)"));
        scope.bin().ifPresent(bin -> sql.append(" and v.bin = :bin"));
        sql.append(" order by v.change_seq");
        Query query = em.createNativeQuery(sql.toString(), InstitutionVersion.class).setParameter("since", since)
                .setMaxResults(size + 1).setHint("jakarta.persistence.query.timeout", InstitutionSearch.QUERY_TIMEOUT_MS);
        scope.oblastPrefix().ifPresent(prefix -> query.setParameter("oblast", prefix + "0000000"));
        scope.bin().ifPresent(bin -> query.setParameter("bin", bin));
        @SuppressWarnings("unchecked")
        List<InstitutionVersion> found = query.getResultList();
        boolean more = found.size() > size;
        List<InstitutionVersion> items = more ? found.subList(0, size) : found;
        return new Slice(items, items.isEmpty() ? since : items.get(items.size() - 1).changeSeq, more);
    }
}
