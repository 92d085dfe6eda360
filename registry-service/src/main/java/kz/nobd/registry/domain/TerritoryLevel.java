package kz.nobd.registry.domain;

/** Levels of the KATO classifier; the prefix length is the number of digits that the units below share. */
public enum TerritoryLevel {
    OBLAST(2), DISTRICT(4), SUB_DISTRICT(6), SETTLEMENT(9);

    private final int prefixLength;

    TerritoryLevel(int prefixLength) {
        this.prefixLength = prefixLength;
    }

    public int prefixLength() {
        return prefixLength;
    }
}
