package kz.nobd.dashboard.view;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One number of the page: {@code raw} exactly as the API wrote it (the page carries it in {@code data-value}, the
 * browser tests compare it with the API), {@code text} as a reader of the language expects it (1 234; 81,23 %).
 * A null of the API (no denominator, a suppressed count) is an empty raw value and a dash.
 */
public record Figure(String raw, String text) {
    public static final Figure NONE = new Figure("", "—");

    public static Figure of(JsonNode value, Indicator.Kind kind, Locale locale) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return NONE;
        }
        return new Figure(value.asText(), format(new BigDecimal(value.asText()), kind, locale, false));
    }

    /** An urban/rural gap: signed, a share's gap in percentage points. */
    public static Figure gap(JsonNode value, Indicator.Kind kind, Locale locale, String pointsUnit) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return NONE;
        }
        BigDecimal number = new BigDecimal(value.asText());
        String text = kind == Indicator.Kind.SHARE
                ? format(number.movePointRight(2), Indicator.Kind.RATIO, locale, true) + " " + pointsUnit
                : format(number, kind, locale, true);
        return new Figure(value.asText(), text);
    }

    public boolean isNone() {
        return raw.isEmpty();
    }

    /** the value as a number (0 when there is none): for scales */
    public double number() {
        return isNone() ? 0 : Double.parseDouble(raw);
    }

    static String format(BigDecimal number, Indicator.Kind kind, Locale locale, boolean signed) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        String text;
        switch (kind) {
            case COUNT -> text = format.format(number);
            case RATIO -> {
                format.setMinimumFractionDigits(2);
                format.setMaximumFractionDigits(2);
                text = format.format(number);
            }
            default -> {
                format.setMinimumFractionDigits(2);
                format.setMaximumFractionDigits(2);
                text = format.format(number.movePointRight(2)) + " %";
            }
        }
        return signed && number.signum() > 0 ? "+" + text : text;
    }
}
