package kz.nobd.report.domain;

/** The unit a rollup row stands for. */
public enum Level {
    NATIONAL, OBLAST, DISTRICT, SCHOOL;

    /** The unit of {@code school} at this level: null for the country, else a KATO code or, for SCHOOL, the BIN. */
    public String unitOf(SchoolVersion school) {
        return switch (this) {
            case NATIONAL -> null;
            case OBLAST -> school.oblastKato();
            case DISTRICT -> school.districtKato();
            case SCHOOL -> school.bin();
        };
    }
}
