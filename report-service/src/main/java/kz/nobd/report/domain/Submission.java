package kz.nobd.report.domain;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A message of {@code facts.submissions.v1}: on {@code day} (Asia/Almaty) ingest accepted, at {@code receivedAt}
 * for the first time that day, a submission of a kind from a school (docs/ingest.md, "Facts").
 */
public record Submission(String schoolBin, Kind kind, LocalDate day, Instant receivedAt) {

    public enum Kind {
        ENROLMENT, EQUIPMENT
    }

    /** Null, or why the message cannot be used. */
    public String problem() {
        if (schoolBin == null || !schoolBin.matches("\\d{12}") || kind == null || receivedAt == null) {
            return "schoolBin, kind or receivedAt missing";
        }
        return null;
    }
}
