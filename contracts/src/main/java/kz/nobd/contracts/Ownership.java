package kz.nobd.contracts;

public enum Ownership {
    STATE, PRIVATE
}
