package kz.nobd.contracts.events;

/** Why a student was withdrawn (required on WITHDRAWN, refused on every other event type). */
public enum WithdrawalReason {
    MOVED_ABROAD, MOVED_UNKNOWN_SCHOOL, HOME_SCHOOLING, HEALTH, DECEASED, DROPPED_OUT, OTHER
}
