package kz.nobd.registry.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import kz.nobd.contracts.InstitutionStatus;
import kz.nobd.contracts.InstitutionType;
import kz.nobd.contracts.Locality;
import kz.nobd.support.FieldError;
import kz.nobd.registry.domain.Institution;
import kz.nobd.registry.domain.InstitutionVersion;
import kz.nobd.registry.domain.Territory;
import kz.nobd.support.ValidationException;
import kz.nobd.support.Caller;

/**
 * Lists institutions by filter, always narrowed server-side to the caller's jurisdiction, whatever the query
 * says; reads a card's history.
 */
@ApplicationScoped
public class InstitutionSearch {
    public static final int MAX_PAGE_SIZE = 500;
    /** A list query is ended by the database after this long (503): a runaway search must not hold a connection. */
    static final int QUERY_TIMEOUT_MS = 10_000;
    private static final String TIMEOUT_HINT = "jakarta.persistence.query.timeout";

    @Inject
    EntityManager em;
    @Inject
    TerritoryRepository territories;
    @Inject
    Caller caller;
    @Inject
    InstitutionService institutions;

    public record Filter(String kato, InstitutionType type, InstitutionStatus status, Locality locality, String q) {
    }

    public Page<Institution> search(Filter filter, int page, int size) {
        StringBuilder where = new StringBuilder(" where true");
        Map<String, Object> params = new HashMap<>();
        Caller.Scope scope = caller.scope();
        scope.oblastPrefix().ifPresent(prefix -> {
            where.append(" and i.oblast_kato = :scopeOblast");
            params.put("scopeOblast", prefix + "0000000");
        });
        scope.bin().ifPresent(bin -> {
            where.append(" and i.bin = :scopeBin");
            params.put("scopeBin", bin);
        });
        if (filter.kato() != null) {
            Territory territory = territories.find(filter.kato()).orElseThrow(() -> new ValidationException(
                    List.of(new FieldError("kato", "kato " + filter.kato() + " does not exist in the KATO classifier"))));
            where.append(" and i.kato like :katoPrefix");
            params.put("katoPrefix", territory.kato.substring(0, territory.prefixLength()) + "%");
        }
        if (filter.type() != null) {
            where.append(" and i.type = :type");
            params.put("type", filter.type().name());
        }
        if (filter.status() != null) {
            where.append(" and i.status = :status");
            params.put("status", filter.status().name());
        }
        if (filter.locality() != null) {
            where.append(" and i.locality = :locality");
            params.put("locality", filter.locality().name());
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            String q = filter.q().strip().toLowerCase();
            if (q.matches("\\d{1,12}")) {
                where.append(" and i.bin like :q");
                params.put("q", q + "%");
            } else {
                where.append(" and lower(i.name_kk || ' ' || i.name_ru) like :q");
                params.put("q", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }
        Query select = em.createNativeQuery("select i.* from institution i" + where + " order by i.name_ru, i.bin",
                Institution.class).setHint(TIMEOUT_HINT, QUERY_TIMEOUT_MS);
        Query count = em.createNativeQuery("select count(*) from institution i" + where, Long.class)
                .setHint(TIMEOUT_HINT, QUERY_TIMEOUT_MS);
        params.forEach((name, value) -> {
            select.setParameter(name, value);
            count.setParameter(name, value);
        });
        @SuppressWarnings("unchecked")
        List<Institution> items = select.setFirstResult(page * size).setMaxResults(size).getResultList();
        return new Page<>(items, page, size, (Long) count.getSingleResult());
    }

    /** Every version of a visible card, newest first. */
    public Page<InstitutionVersion> history(String bin, int page, int size) {
        institutions.visible(bin, jakarta.persistence.LockModeType.NONE);
        List<InstitutionVersion> items = em.createQuery(
                "select v from InstitutionVersion v where v.bin = :bin order by v.version desc", InstitutionVersion.class)
                .setParameter("bin", bin).setFirstResult(page * size).setMaxResults(size).getResultList();
        long total = em.createQuery("select count(v) from InstitutionVersion v where v.bin = :bin", Long.class)
                .setParameter("bin", bin).getSingleResult();
        return new Page<>(items, page, size, total);
    }
}
