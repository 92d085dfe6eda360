package kz.nobd.contracts;

/** Languages of instruction. */
public enum Language {
    KK, RU, EN, UZ, UG, TJ
}
