package kz.nobd.testing.seed;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import kz.nobd.contracts.Language;
import kz.nobd.contracts.events.EnrolmentEventType;
import kz.nobd.contracts.events.WithdrawalReason;

/**
 * One enrolment event as a school system posts it to ingest's {@code POST /api/v1/enrolment-events}
 * (docs/ingest.md, "Enrolment event"): the student by IIN, {@code toSchoolBin} on TRANSFERRED only, {@code reason}
 * on WITHDRAWN only (absent otherwise).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EnrolmentEvent(UUID eventId, EnrolmentEventType type, String studentIin, String schoolBin, int grade,
        Language language, LocalDate occurredOn, String schoolYear, String toSchoolBin, WithdrawalReason reason) {

    /**
     * The order events are posted in: by date, and on one date leaving before arriving before promotion, as ingest
     * orders a timeline. Posting in this order means no event arrives before the one it follows.
     */
    public static final Comparator<EnrolmentEvent> POSTING_ORDER = Comparator.comparing(EnrolmentEvent::occurredOn)
            .thenComparingInt(EnrolmentEvent::sameDayRank);

    static EnrolmentEvent of(UUID id, EnrolmentEventType type, String iin, String schoolBin, int grade,
            Language language, LocalDate on) {
        return new EnrolmentEvent(id, type, iin, schoolBin, grade, language, on, SchoolCalendar.schoolYearOf(on),
                null, null);
    }

    static EnrolmentEvent transferred(UUID id, String iin, String schoolBin, int grade, Language language,
            LocalDate on, String toSchoolBin) {
        return new EnrolmentEvent(id, EnrolmentEventType.TRANSFERRED, iin, schoolBin, grade, language, on,
                SchoolCalendar.schoolYearOf(on), toSchoolBin, null);
    }

    static EnrolmentEvent withdrawn(UUID id, String iin, String schoolBin, int grade, Language language,
            LocalDate on, WithdrawalReason reason) {
        return new EnrolmentEvent(id, EnrolmentEventType.WITHDRAWN, iin, schoolBin, grade, language, on,
                SchoolCalendar.schoolYearOf(on), null, reason);
    }

    /** The same event with another language: what a school system that reuses its event ids sends. */
    EnrolmentEvent withLanguage(Language other) {
        return new EnrolmentEvent(eventId, type, studentIin, schoolBin, grade, other, occurredOn, schoolYear,
                toSchoolBin, reason);
    }

    @JsonIgnore
    int sameDayRank() {
        return switch (type) {
            case TRANSFERRED, WITHDRAWN, GRADUATED -> 0;
            case ENROLLED -> 1;
            case PROMOTED -> 2;
        };
    }
}
