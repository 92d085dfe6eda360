package kz.nobd.contracts.events;

/**
 * Machine-readable reason an event or report is rejected. The first four are syntax (the event alone shows it);
 * the rest are semantics (they need the registry view or the student's timeline). The declaration order of the
 * syntax reasons is their precedence (ingest-service, Violation.primaryReason). Value of {@link Rejection#reason()}.
 */
public enum RejectionReason {
    MALFORMED,
    INVALID_IIN,
    INVALID_GRADE,
    INVALID_DATE,
    UNKNOWN_SCHOOL,
    SCHOOL_NOT_OPEN,
    WRONG_INSTITUTION_TYPE,
    INVALID_TRANSITION,
    EVENT_ID_REUSED
}
