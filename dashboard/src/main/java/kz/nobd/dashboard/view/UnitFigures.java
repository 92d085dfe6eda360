package kz.nobd.dashboard.view;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

/** A unit and its headline figures (an equipment rollup row, or one segment of an indicator card). */
public record UnitFigures(Place place, Map<Indicator, Figure> figures, Figure reported) {

    public static UnitFigures of(Place place, JsonNode values, Locale locale) {
        Map<Indicator, Figure> figures = new EnumMap<>(Indicator.class);
        for (Indicator indicator : Indicator.values()) {
            figures.put(indicator, Figure.of(values.get(indicator.field), indicator.kind, locale));
        }
        return new UnitFigures(place, figures, Figure.of(values.get("reported"), Indicator.Kind.COUNT, locale));
    }

    public Figure get(Indicator indicator) {
        return figures.get(indicator);
    }
}
