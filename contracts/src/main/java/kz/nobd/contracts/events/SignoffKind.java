package kz.nobd.contracts.events;

/**
 * What a sign-off period confirms: a school's enrolment as of the census date, or its equipment and connectivity.
 * Value of {@link ReturnStatusChange#periodKind()}.
 */
public enum SignoffKind {
    ENROLMENT, EQUIPMENT
}
