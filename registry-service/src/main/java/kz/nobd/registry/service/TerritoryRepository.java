package kz.nobd.registry.service;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import kz.nobd.registry.domain.Territory;
import kz.nobd.registry.domain.TerritoryLevel;
import kz.nobd.registry.domain.TerritoryLookup;

/** Reads the KATO reference. */
@ApplicationScoped
public class TerritoryRepository implements TerritoryLookup {
    @Inject
    EntityManager em;

    @Override
    public Optional<Territory> find(String kato) {
        return Optional.ofNullable(em.find(Territory.class, kato));
    }

    /**
     * Units of a level (DISTRICT includes the city districts that play the district's part in Astana, Almaty and
     * Shymkent) and/or the direct children of a parent, ordered by code.
     */
    public Page<Territory> list(Optional<TerritoryLevel> level, Optional<String> parent, int page, int size) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        level.ifPresent(l -> where.append(l == TerritoryLevel.DISTRICT
                ? " and t.districtKato = t.kato" : " and t.level = :level"));
        parent.ifPresent(p -> where.append(" and t.parentKato = :parent"));
        var query = em.createQuery("select t from Territory t" + where + " order by t.kato", Territory.class);
        var count = em.createQuery("select count(t) from Territory t" + where, Long.class);
        level.filter(l -> l != TerritoryLevel.DISTRICT).ifPresent(l -> {
            query.setParameter("level", l);
            count.setParameter("level", l);
        });
        parent.ifPresent(p -> {
            query.setParameter("parent", p);
            count.setParameter("parent", p);
        });
        List<Territory> items = query.setFirstResult(page * size).setMaxResults(size).getResultList();
        return new Page<>(items, page, size, count.getSingleResult());
    }
}
