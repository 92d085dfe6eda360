package kz.nobd.contracts.events;

/**
 * Where a school's return of a sign-off period stands: DRAFT (not signed, or reopened), SIGNED by the school,
 * ACCEPTED or RETURNED (with a comment) by its oblast, LOCKED by the ministry (the confirmed data of the period).
 * Values of {@link ReturnStatusChange#from()} and {@link ReturnStatusChange#to()}.
 */
public enum ReturnStatus {
    DRAFT, SIGNED, ACCEPTED, RETURNED, LOCKED
}
