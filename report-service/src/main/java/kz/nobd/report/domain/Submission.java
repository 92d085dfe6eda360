package kz.nobd.report.domain;

import java.time.Instant;

/** A message of {@code facts.submissions.v1}: ingest accepted {@code accepted} items of a kind from a school. */
public record Submission(String schoolBin, Kind kind, int accepted, Instant receivedAt) {

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
