package kz.nobd.report.domain;

import java.time.Instant;
import java.time.LocalDate;

import kz.nobd.contracts.events.SubmissionFact;

/**
 * From a message of {@code facts.submissions.v1} (the contract's {@link SubmissionFact}): on {@code day} (Asia/Almaty) ingest accepted, at {@code receivedAt}
 * for the first time that day, a submission of a kind from a school (docs/ingest.md, "Facts").
 */
public record Submission(String schoolBin, Kind kind, LocalDate day, Instant receivedAt) {

    public enum Kind {
        ENROLMENT, EQUIPMENT
    }

    public static Submission of(SubmissionFact fact) {
        return new Submission(fact.schoolBin(), Kind.valueOf(fact.kind().name()), fact.day(), fact.receivedAt());
    }

    /** Null, or why the message cannot be used. */
    public static String problemWith(SubmissionFact fact) {
        if (fact.schoolBin() == null || !fact.schoolBin().matches("\\d{12}") || fact.kind() == null
                || fact.receivedAt() == null) {
            return "schoolBin, kind or receivedAt missing";
        }
        return null;
    }
}
