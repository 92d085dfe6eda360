package kz.nobd.contracts.events;

import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

import kz.nobd.contracts.Language;
import kz.nobd.contracts.Nullable;

/**
 * The value of {@code ingest.enrolment.v1}: one enrolment event. The student is named in one of two forms: by
 * {@code studentIin} (outside producers), or by {@code studentId} (the pseudonym), {@code sex}, {@code birthYear} and
 * {@code iinLast4} (the only form ingest's REST layer publishes: no raw IIN leaves it). {@code toSchoolBin} is set
 * on TRANSFERRED only, {@code reason} on WITHDRAWN only; {@code batchId} and {@code batchIndex} name the REST batch
 * the event came in (absent for an outside producer's event).
 * <p>
 * This record is the shape as published; ingest's consumer does not bind records of this topic to it directly: it
 * reads every field as text first (kz.nobd.ingest.domain.EnrolmentEventInput, the same field names), so that a
 * value of the wrong type becomes a rejection with its reason, never an exception.
 */
public record EnrolmentInputEvent(
        UUID eventId,
        EnrolmentEventType type,
        @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) String studentIin,
        @Nullable String studentId,
        @Nullable Sex sex,
        @Nullable Integer birthYear,
        @Nullable String iinLast4,
        String schoolBin,
        int grade,
        Language language,
        LocalDate occurredOn,
        String schoolYear,
        @Nullable String toSchoolBin,
        @Nullable WithdrawalReason reason,
        @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) UUID batchId,
        @Nullable @JsonInclude(JsonInclude.Include.NON_NULL) Integer batchIndex) {
}
