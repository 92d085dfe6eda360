package kz.nobd.ingest.domain;

import kz.nobd.contracts.events.EnrolmentEventType;
import kz.nobd.contracts.events.WithdrawalReason;
import java.time.LocalDate;
import java.util.UUID;

import kz.nobd.contracts.Language;

/**
 * A syntactically valid enrolment event, with the student pseudonymised: {@code studentId} is the pseudonym,
 * {@code sex} 'M' or 'F' and {@code birthYear} come from the IIN (or from ingest's own REST layer, which derived
 * them from it). No raw IIN is held: {@code iinLast4} keeps the last four digits for masked display
 * ({@code ********1234}) and is null when the event came with a studentId. {@code toSchoolBin} is set on TRANSFERRED
 * only, {@code reason} on WITHDRAWN only. Whether the school exists and the move is allowed is checked later.
 */
public record EnrolmentEvent(
        UUID eventId,
        EnrolmentEventType type,
        String studentId,
        char sex,
        int birthYear,
        String iinLast4,
        String schoolBin,
        int grade,
        Language language,
        LocalDate occurredOn,
        String schoolYear,
        String toSchoolBin,
        WithdrawalReason reason) {

    /** The IIN as it may be shown: {@code ********1234}, or null when only the pseudonym is known. */
    public String maskedIin() {
        return iinLast4 == null ? null : "********" + iinLast4;
    }
}
