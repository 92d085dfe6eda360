package kz.nobd.registry.api;

import kz.nobd.registry.domain.Territory;

/** A KATO unit as GET /territories shows it. */
public record TerritoryView(String kato, String nameKk, String nameRu, String level, String parentKato,
        String oblastKato, String districtKato, int typeCode) {

    static TerritoryView of(Territory t) {
        return new TerritoryView(t.kato, t.nameKk, t.nameRu, t.level.name(), t.parentKato, t.oblastKato, t.districtKato,
                t.typeCode);
    }
}
