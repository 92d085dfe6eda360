package kz.nobd.report.signoff;

/** A reporting period is OPEN (returns are signed, accepted, returned) until the ministry LOCKs it. */
public enum PeriodStatus {
    OPEN, LOCKED
}
