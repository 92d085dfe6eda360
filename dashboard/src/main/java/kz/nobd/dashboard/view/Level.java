package kz.nobd.dashboard.view;

/** The levels of the territory hierarchy the API rolls up to, and the page of each. */
public enum Level {
    NATIONAL, OBLAST, DISTRICT, SCHOOL;

    /** the level of the units shown below this one (a school has none) */
    public Level below() {
        return this == SCHOOL ? null : values()[ordinal() + 1];
    }

    /** the key in {@link Msg} of the name of a list of units of this level ("Oblasts") */
    public String pluralKey() {
        return "below_" + name();
    }

    /** the page of a unit of this level: /country, /oblast/{kato}, /district/{kato}, /school/{bin} */
    public String href(String code) {
        return switch (this) {
            case NATIONAL -> "/country";
            case OBLAST -> "/oblast/" + code;
            case DISTRICT -> "/district/" + code;
            case SCHOOL -> "/school/" + code;
        };
    }
}
