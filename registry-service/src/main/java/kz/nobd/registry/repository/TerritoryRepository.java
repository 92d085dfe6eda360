package kz.nobd.registry.repository;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import kz.nobd.registry.domain.Territory;
import kz.nobd.registry.domain.TerritoryLevel;

/** The KATO reference (read-only); a unit by code is {@link #findByIdOptional}, many at once {@link #byCodes}. */
@ApplicationScoped
public class TerritoryRepository implements PanacheRepositoryBase<Territory, String> {
    /** Codes asked per query of {@link #byCodes}. */
    static final int CODES_PER_QUERY = 1_000;

    /** The units of {@code codes} that exist, by code: one query per thousand codes (an import's lookups). */
    public Map<String, Territory> byCodes(Collection<String> codes) {
        List<String> all = List.copyOf(codes);
        Map<String, Territory> found = new HashMap<>();
        for (int from = 0; from < all.size(); from += CODES_PER_QUERY) {
            list("kato in ?1", all.subList(from, Math.min(all.size(), from + CODES_PER_QUERY)))
                    .forEach(territory -> found.put(territory.kato, territory));
        }
        return found;
    }

    /**
     * Units of a level (DISTRICT includes the city districts that play the district's part in Astana, Almaty and
     * Shymkent) and/or the direct children of a parent, ordered by code.
     */
    public PanacheQuery<Territory> list(Optional<TerritoryLevel> level, Optional<String> parent) {
        List<String> conditions = new ArrayList<>();
        Parameters params = new Parameters();
        level.ifPresent(l -> {
            if (l == TerritoryLevel.DISTRICT) {
                conditions.add("districtKato = kato");
            } else {
                conditions.add("level = :level");
                params.and("level", l);
            }
        });
        parent.ifPresent(p -> {
            conditions.add("parentKato = :parent");
            params.and("parent", p);
        });
        Sort byCode = Sort.by("kato");
        return conditions.isEmpty() ? findAll(byCode) : find(String.join(" and ", conditions), byCode, params);
    }
}
