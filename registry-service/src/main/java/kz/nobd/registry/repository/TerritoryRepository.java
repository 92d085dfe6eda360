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

/**
 * The KATO reference (read-only: Flyway's migrations are its only writer, so it changes only with a new release); a
 * unit by code is {@link #findByIdOptional}, many at once {@link #byCodes}, from a copy of the whole classifier this
 * replica reads once (15,595 units, a few MB).
 */
@ApplicationScoped
public class TerritoryRepository implements PanacheRepositoryBase<Territory, String> {
    private volatile Map<String, Territory> units;

    /**
     * The units of {@code codes} that exist, by code, from the copy (an import's lookups: a file names thousands of
     * units, and a query with thousands of parameters cost more than the rest of the validation).
     */
    public Map<String, Territory> byCodes(Collection<String> codes) {
        Map<String, Territory> all = units();
        Map<String, Territory> found = new HashMap<>();
        for (String code : codes) {
            Territory unit = all.get(code);
            if (unit != null) {
                found.put(code, unit);
            }
        }
        return found;
    }

    private Map<String, Territory> units() {
        Map<String, Territory> all = units;
        if (all == null) {
            Map<String, Territory> read = new HashMap<>();
            listAll().forEach(unit -> read.put(unit.kato, unit));
            all = units = Map.copyOf(read);
        }
        return all;
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
