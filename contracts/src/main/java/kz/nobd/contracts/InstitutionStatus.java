package kz.nobd.contracts;

public enum InstitutionStatus {
    OPEN, CLOSED, MERGED
}
