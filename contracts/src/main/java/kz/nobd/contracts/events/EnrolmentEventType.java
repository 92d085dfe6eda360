package kz.nobd.contracts.events;

/** What happened to a student at a school, as the school reports it. */
public enum EnrolmentEventType {
    /** The student joined the school (a new stay, or the arriving half of a transfer). */
    ENROLLED,
    /** The student moved to another grade at the same school. */
    PROMOTED,
    /** The departing half of a transfer; the event names the receiving school in {@code toSchoolBin}. */
    TRANSFERRED,
    /** The student left without a receiving school; the event carries a {@link WithdrawalReason}. */
    WITHDRAWN,
    /** The student finished school. */
    GRADUATED
}
