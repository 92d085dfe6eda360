package kz.nobd.dashboard.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;

import org.junit.jupiter.api.Test;

class FigureTest {
    static final Locale KK = Locale.forLanguageTag("kk-KZ");
    static final Locale RU = Locale.forLanguageTag("ru-KZ");

    @Test
    void keepsTheApisValueAndWritesItTheKazakhstanWay() {
        Figure students = Figure.of(IntNode.valueOf(1234567), Indicator.Kind.COUNT, RU);
        assertThat(students.raw()).isEqualTo("1234567");
        assertThat(students.text().replaceAll("[\\s\\u00a0\\u202f]", " ")).isEqualTo("1 234 567");

        Figure share = Figure.of(DecimalNode.valueOf(new java.math.BigDecimal("0.8123")), Indicator.Kind.SHARE, KK);
        assertThat(share.raw()).isEqualTo("0.8123");
        assertThat(share.text()).isEqualTo("81,23 %");

        Figure ratio = Figure.of(DecimalNode.valueOf(new java.math.BigDecimal("12.5")), Indicator.Kind.RATIO, RU);
        assertThat(ratio.text()).isEqualTo("12,50");
    }

    @Test
    void aNullOfTheApiIsADashWithoutValue() {
        Figure none = Figure.of(NullNode.getInstance(), Indicator.Kind.SHARE, KK);
        assertThat(none.isNone()).isTrue();
        assertThat(none.raw()).isEmpty();
        assertThat(none.text()).isEqualTo("—");
        assertThat(Figure.of(null, Indicator.Kind.COUNT, KK)).isEqualTo(Figure.NONE);
    }

    @Test
    void aGapIsSignedAndASharesGapIsInPercentagePoints() {
        Figure gap = Figure.gap(DecimalNode.valueOf(new java.math.BigDecimal("0.1250")), Indicator.Kind.SHARE, RU, "п.п.");
        assertThat(gap.raw()).isEqualTo("0.1250");
        assertThat(gap.text()).isEqualTo("+12,50 п.п.");
        Figure negative = Figure.gap(DecimalNode.valueOf(new java.math.BigDecimal("-3.25")), Indicator.Kind.RATIO, RU, "п.п.");
        assertThat(negative.text()).isEqualTo("-3,25");
    }
}
