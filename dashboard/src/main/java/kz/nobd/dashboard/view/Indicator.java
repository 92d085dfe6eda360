package kz.nobd.dashboard.view;

import java.util.Arrays;
import java.util.Optional;

/**
 * The headline indicators of the card (docs/report.md, Indicator definitions), by the field the API names them
 * with; how each is shown, and which way is better (for the colour scale: darker is better).
 */
public enum Indicator {
    STUDENTS("students", Kind.COUNT, true, false),
    SCHOOLS("schools", Kind.COUNT, true, false),
    STUDENTS_PER_COMPUTER("studentsPerComputer", Kind.RATIO, false, true),
    CONNECTED_SHARE("connectedShare", Kind.SHARE, true, true),
    BROADBAND_SHARE("broadbandShare", Kind.SHARE, true, true),
    NEEDS_REPLACEMENT_SHARE("needsReplacementShare", Kind.SHARE, false, true);

    /** How a value is written: a whole number, a ratio with 2 decimals, a share (0..1) as a percentage. */
    public enum Kind { COUNT, RATIO, SHARE }

    public final String field;
    public final Kind kind;
    public final boolean higherIsBetter;
    /** whether the card has an urban/rural gap for it */
    public final boolean hasGap;

    Indicator(String field, Kind kind, boolean higherIsBetter, boolean hasGap) {
        this.field = field;
        this.kind = kind;
        this.higherIsBetter = higherIsBetter;
        this.hasGap = hasGap;
    }

    /** The default of the map and the bars: the share of schools with at least 4 Mbit/s. */
    public static final Indicator DEFAULT = BROADBAND_SHARE;

    public static Optional<Indicator> byField(String field) {
        return Arrays.stream(values()).filter(i -> i.field.equals(field)).findFirst();
    }

    /** the key of its name in {@link Msg} */
    public String messageKey() {
        return "ind_" + field;
    }
}
