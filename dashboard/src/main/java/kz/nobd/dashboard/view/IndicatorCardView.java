package kz.nobd.dashboard.view;

import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The headline card of one unit as the API gave it (GET /indicators): per indicator its value for all schools,
 * urban, rural, and the urban/rural gap.
 */
public record IndicatorCardView(Place place, String asOf, List<Line> lines) {

    public record Line(Indicator indicator, Figure total, Figure urban, Figure rural, Figure gap) {
    }

    public static IndicatorCardView of(Level level, JsonNode card, Locale locale, String pointsUnit) {
        List<Line> lines = java.util.Arrays.stream(Indicator.values()).map(i -> new Line(i,
                Figure.of(card.path("total").get(i.field), i.kind, locale),
                Figure.of(card.path("urban").get(i.field), i.kind, locale),
                Figure.of(card.path("rural").get(i.field), i.kind, locale),
                i.hasGap ? Figure.gap(card.path("gap").get(i.field), i.kind, locale, pointsUnit) : Figure.NONE))
                .toList();
        return new IndicatorCardView(Place.of(level, card), card.path("asOf").asText(), lines);
    }

    public Line line(Indicator indicator) {
        return lines.get(indicator.ordinal());
    }
}
