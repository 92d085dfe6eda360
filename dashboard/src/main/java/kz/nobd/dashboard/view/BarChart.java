package kz.nobd.dashboard.view;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A horizontal bar chart of the units below, best first, drawn as SVG by the page (bars/bar-chart.html): the
 * geometry is computed here, in the SVG's own units (a viewBox that scales with the screen). At most
 * {@link #MAX_BARS} bars; the table behind the chart has every unit.
 */
public record BarChart(int width, int height, int labelWidth, List<Bar> bars, int more) {
    public static final int MAX_BARS = 40;
    static final int WIDTH = 720;
    static final int LABEL_WIDTH = 260;
    static final int VALUE_WIDTH = 90;
    static final int ROW = 22;

    public record Bar(Place place, String label, Figure value, int y, int barWidth, int textX) {
    }

    public static BarChart of(List<UnitFigures> units, Indicator indicator, String language) {
        Comparator<UnitFigures> byValue = Comparator.comparingDouble(u -> u.get(indicator).number());
        List<UnitFigures> ordered = new ArrayList<>(units.stream().filter(u -> !u.get(indicator).isNone()).toList());
        ordered.sort(indicator.higherIsBetter ? byValue.reversed() : byValue);
        double max = ordered.stream().mapToDouble(u -> u.get(indicator).number()).max().orElse(0);
        int plot = WIDTH - LABEL_WIDTH - VALUE_WIDTH;
        List<Bar> bars = new ArrayList<>();
        for (UnitFigures unit : ordered.subList(0, Math.min(MAX_BARS, ordered.size()))) {
            Figure value = unit.get(indicator);
            int barWidth = max > 0 ? (int) Math.round(plot * value.number() / max) : 0;
            bars.add(new Bar(unit.place(), unit.place().name(language), value, bars.size() * ROW, barWidth,
                    LABEL_WIDTH + barWidth + 6));
        }
        return new BarChart(WIDTH, Math.max(ROW, bars.size() * ROW), LABEL_WIDTH, bars, units.size() - bars.size());
    }
}
