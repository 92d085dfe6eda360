package kz.nobd.registry.repository;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import kz.nobd.registry.domain.Territory;
import kz.nobd.registry.domain.TerritoryLevel;

/** The KATO reference (read-only); a unit by code is {@link #findByIdOptional}. */
@ApplicationScoped
public class TerritoryRepository implements PanacheRepositoryBase<Territory, String> {

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
