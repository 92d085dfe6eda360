package kz.nobd.report.domain;

import java.util.Locale;

/**
 * What a rollup may be broken down by ({@code by=}): the spell's grade, sex and language, and the school's
 * locality, type and ownership on the as-of date.
 */
public enum Dimension {
    GRADE, SEX, LANGUAGE, LOCALITY, TYPE, OWNERSHIP;

    /** The name in {@code by=} and in the rows. */
    public String field() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the value comes from the spell (else from the school's card). */
    public boolean ofSpell() {
        return this == GRADE || this == SEX || this == LANGUAGE;
    }

    public static Dimension fromField(String field) {
        for (Dimension d : values()) {
            if (d.field().equals(field)) {
                return d;
            }
        }
        return null;
    }
}
