package kz.nobd.contracts.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * The value of {@code facts.submissions.v1} (key: the school's BIN): on {@code day} (Asia/Almaty) ingest accepted,
 * at {@code receivedAt} for the first time that day, input of a kind from a school. No personal data.
 */
public record SubmissionFact(String schoolBin, InputKind kind, LocalDate day, Instant receivedAt) {
}
