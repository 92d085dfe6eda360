package kz.nobd.contracts;

public enum Locality {
    URBAN, RURAL
}
