package kz.nobd.dashboard.view;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;

/**
 * An indicator over dates (one card per date), as an SVG line in its own units: the y axis from 0 (a share: 0 to
 * 100 %), a point per date with a value, the line broken where a date has none.
 */
public record LineChart(Indicator indicator, int width, int height, int left, int bottom, List<Point> points,
        String path, List<Tick> ticks) {
    static final int WIDTH = 340;
    static final int HEIGHT = 150;
    static final int LEFT = 56;
    static final int TOP = 10;
    static final int BOTTOM = 24;

    public record Point(LocalDate date, Figure value, int x, int y) {
    }

    /** a label of the y axis at height y */
    public record Tick(int y, String label) {
    }

    public static LineChart of(Indicator indicator, List<LocalDate> dates, List<Figure> values, Locale locale) {
        double top = indicator.kind == Indicator.Kind.SHARE ? 1
                : Math.max(1, values.stream().mapToDouble(Figure::number).max().orElse(1) * 1.1);
        int plotWidth = WIDTH - LEFT - 8;
        int plotHeight = HEIGHT - TOP - BOTTOM;
        List<Point> points = new ArrayList<>();
        StringBuilder path = new StringBuilder();
        boolean drawing = false;
        for (int i = 0; i < dates.size(); i++) {
            Figure value = values.get(i);
            int x = LEFT + (dates.size() == 1 ? 0 : plotWidth * i / (dates.size() - 1));
            int y = TOP + plotHeight - (int) Math.round(plotHeight * value.number() / top);
            points.add(new Point(dates.get(i), value, x, y));
            if (value.isNone()) {
                drawing = false;
                continue;
            }
            path.append(drawing ? " L" : " M").append(x).append(',').append(y);
            drawing = true;
        }
        List<Tick> ticks = new ArrayList<>();
        for (double fraction : new double[] {0, 0.5, 1}) {
            double value = top * fraction;
            Figure label = Figure.of(indicator.kind == Indicator.Kind.COUNT ? LongNode.valueOf(Math.round(value))
                    : DoubleNode.valueOf(value), indicator.kind, locale);
            ticks.add(new Tick(TOP + plotHeight - (int) Math.round(plotHeight * fraction), label.text()));
        }
        return new LineChart(indicator, WIDTH, HEIGHT, LEFT, BOTTOM, points, path.toString().trim(), ticks);
    }
}
