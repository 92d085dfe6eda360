package kz.nobd.report.signoff;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

import kz.nobd.contracts.events.SignoffKind;

/**
 * A reporting period: one kind of figures (ENROLMENT or EQUIPMENT) as of its census date, the deadline by which
 * schools sign and the one by which oblasts accept; {@code history} is every change of its status (only in the
 * answer for one period).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Period(UUID id, SignoffKind kind, String name, LocalDate censusDate, LocalDate submissionDeadline,
        LocalDate acceptanceDeadline, PeriodStatus status, String openedBy, Instant openedAt,
        List<Change> history) {

    /** One change of a period's status: who, when, why. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Change(int seq, PeriodStatus status, Instant at, String actor, String reason) {
    }

    @JsonIgnore
    public boolean isLocked() {
        return status == PeriodStatus.LOCKED;
    }

    public Period withHistory(List<Change> changes) {
        return new Period(id, kind, name, censusDate, submissionDeadline, acceptanceDeadline, status, openedBy,
                openedAt, changes);
    }
}
