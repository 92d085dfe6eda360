package kz.nobd.dashboard.view;

import java.util.List;

/**
 * A country, oblast or district page: the unit's card, and the units below it on a tile map, in a bar chart and in
 * the table behind both, for the chosen indicator. Completeness and the trend arrive after it (fragments).
 */
public record UnitPage(Place place, List<Place> crumbs, Indicator indicator, IndicatorCardView card,
        List<UnitFigures> below, TileMap map, BarChart bars) {

    public Level belowLevel() {
        return place.level().below();
    }

    /** the query string that names this unit (for the fragments and the downloads) */
    public String unitQuery() {
        return "level=" + place.level() + (place.code() == null ? "" : "&kato=" + place.code());
    }
}
