package kz.nobd.ingest.domain;

import kz.nobd.contracts.Iin;

/**
 * An enrolment event as it arrives, every field as text (JSON numbers bind into these strings too), before any
 * check. The student is given either as {@code studentIin} (outside producers and the REST body) or as
 * {@code studentId} + {@code sex} + {@code birthYear} (only what ingest's own REST layer produces to Kafka).
 * {@link #toString()} masks the IIN, so an input can be logged.
 */
public record EnrolmentEventInput(
        String eventId,
        String type,
        String studentIin,
        String studentId,
        String sex,
        String birthYear,
        String schoolBin,
        String grade,
        String language,
        String occurredOn,
        String schoolYear,
        String toSchoolBin,
        String reason) {

    @Override
    public String toString() {
        return "EnrolmentEventInput[eventId=" + eventId + ", type=" + type
                + ", studentIin=" + (studentIin == null ? null : Iin.mask(studentIin))
                + ", studentId=" + studentId + ", sex=" + sex + ", birthYear=" + birthYear
                + ", schoolBin=" + schoolBin + ", grade=" + grade + ", language=" + language
                + ", occurredOn=" + occurredOn + ", schoolYear=" + schoolYear
                + ", toSchoolBin=" + toSchoolBin + ", reason=" + reason + "]";
    }
}
