package kz.nobd.contracts.events;

/** A student's sex as the IIN gives it (its seventh digit). */
public enum Sex {
    M, F
}
