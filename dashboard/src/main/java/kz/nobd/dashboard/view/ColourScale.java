package kz.nobd.dashboard.view;

import java.util.Collection;
import java.util.List;

/**
 * Five shades of blue for a map (ColorBrewer "Blues", the fourth darkened to #2171b5 for white text), darker for better: a value's shade is its place between the
 * smallest and the largest value shown. The text on a tile is dark on the light shades and white on the dark ones
 * (both above WCAG's 4.5:1).
 */
public final class ColourScale {
    static final List<String> FILLS = List.of("#eff3ff", "#bdd7e7", "#6baed6", "#2171b5", "#08519c");
    static final String NO_VALUE = "#e6e6e6";
    static final String DARK_TEXT = "#0b1f33";
    static final String LIGHT_TEXT = "#ffffff";

    private final double min;
    private final double max;
    private final boolean higherIsBetter;

    public ColourScale(Collection<Figure> values, boolean higherIsBetter) {
        this.min = values.stream().filter(f -> !f.isNone()).mapToDouble(Figure::number).min().orElse(0);
        this.max = values.stream().filter(f -> !f.isNone()).mapToDouble(Figure::number).max().orElse(0);
        this.higherIsBetter = higherIsBetter;
    }

    /** 0 (worst) .. 4 (best); -1 without a value */
    public int shade(Figure value) {
        if (value.isNone()) {
            return -1;
        }
        double place = max > min ? (value.number() - min) / (max - min) : 1;
        if (!higherIsBetter) {
            place = 1 - place;
        }
        return (int) Math.min(FILLS.size() - 1, Math.floor(place * FILLS.size()));
    }

    public String fill(Figure value) {
        int shade = shade(value);
        return shade < 0 ? NO_VALUE : FILLS.get(shade);
    }

    public String text(Figure value) {
        return shade(value) >= 3 ? LIGHT_TEXT : DARK_TEXT;
    }
}
