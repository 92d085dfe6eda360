package kz.nobd.dashboard.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class ColourScaleTest {

    static Figure value(String raw) {
        return new Figure(raw, raw);
    }

    @Test
    void darkerIsBetterWhicheverWayTheIndicatorRuns() {
        List<Figure> values = List.of(value("0"), value("0.5"), value("1"));
        ColourScale higher = new ColourScale(values, true);
        assertThat(higher.shade(value("1"))).isEqualTo(4);
        assertThat(higher.shade(value("0"))).isZero();
        ColourScale lower = new ColourScale(values, false);
        assertThat(lower.shade(value("1"))).isZero();
        assertThat(lower.shade(value("0"))).isEqualTo(4);
        assertThat(higher.shade(Figure.NONE)).isEqualTo(-1);
        assertThat(higher.fill(Figure.NONE)).isEqualTo(ColourScale.NO_VALUE);
    }

    @Test
    void theTextOnEveryShadeHasWcagAaContrast() {
        List<Figure> values = List.of(value("0"), value("1"), value("2"), value("3"), value("4"));
        ColourScale scale = new ColourScale(values, true);
        for (Figure v : values) {
            assertThat(contrast(scale.fill(v), scale.text(v))).as(scale.fill(v)).isGreaterThanOrEqualTo(4.5);
        }
        assertThat(contrast(ColourScale.NO_VALUE, ColourScale.DARK_TEXT)).isGreaterThanOrEqualTo(4.5);
    }

    /** WCAG 2 contrast ratio of two #rrggbb colours */
    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    static double luminance(String hex) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
