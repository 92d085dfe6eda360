package kz.nobd.dashboard.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import kz.nobd.dashboard.client.ReportApi;
import kz.nobd.dashboard.view.BarChart;
import kz.nobd.dashboard.view.Indicator;
import kz.nobd.dashboard.view.IndicatorCardView;
import kz.nobd.dashboard.view.Level;
import kz.nobd.dashboard.view.Place;
import kz.nobd.dashboard.view.TileMap;
import kz.nobd.dashboard.view.UnitFigures;
import kz.nobd.dashboard.view.UnitPage;

/**
 * The country, oblast and district pages: the unit's indicator card and the equipment rollup of the level below,
 * asked of report-service at once, with the user's token (another oblast's unit: the API's 404 is the page's).
 */
@ApplicationScoped
public class UnitPages {
    /** the API's largest page: a district has fewer schools, the country 20 oblasts */
    static final int BELOW_PAGE = 500;

    @Inject
    @RestClient
    ReportApi report;

    @Inject
    KatoNames katoNames;

    public Uni<UnitPage> page(Level level, String kato, Indicator indicator, Viewer viewer, Texts texts) {
        Uni<JsonNode> card = report.indicators(level.name(), kato, null, null);
        Uni<List<UnitFigures>> below = below(level, kato, texts.locale());
        return Uni.combine().all().unis(card, below).asTuple().map(t -> {
            IndicatorCardView view = IndicatorCardView.of(level, t.getItem1(), texts.locale(), texts.pointsUnit());
            List<UnitFigures> units = t.getItem2();
            return new UnitPage(view.place(), crumbs(level, kato, viewer), indicator, view, units,
                    TileMap.of(units, indicator, texts.language()), BarChart.of(units, indicator, texts.language()));
        });
    }

    /** the units below, with their figures (the table behind the map and the bars, and its CSV) */
    public Uni<List<UnitFigures>> below(Level level, String kato, Locale locale) {
        Level below = level.below();
        return report.equipment(below.name(), kato, null, BELOW_PAGE).map(rollup -> {
            List<UnitFigures> units = new ArrayList<>();
            for (JsonNode row : rollup.path("rows")) {
                units.add(UnitFigures.of(Place.of(below, row), row, locale));
            }
            return units;
        });
    }

    /** the way up from a unit, as far as the user's own scope (an oblast user starts at its oblast) */
    private List<Place> crumbs(Level level, String kato, Viewer viewer) {
        List<Place> crumbs = new ArrayList<>();
        if (level != Level.NATIONAL && viewer.isMinistry()) {
            crumbs.add(new Place(Level.NATIONAL, null, "", ""));
        }
        if (level == Level.DISTRICT && kato != null) {
            katoNames.place(Level.OBLAST, KatoNames.oblastOf(kato)).ifPresent(crumbs::add);
        }
        return crumbs;
    }
}
