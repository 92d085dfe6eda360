package kz.nobd.ingest.domain;

import kz.nobd.contracts.events.RejectionReason;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One thing wrong with one field of an event or report: the field (a JSON path such as {@code devices[1].total}),
 * the reason code and a message that says what is wrong and what is allowed. A message never holds a raw IIN.
 */
public record Violation(String field, RejectionReason reason, String message) {

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(message, "message");
    }

    /**
     * The single reason to record when an event from Kafka fails several checks: the most fundamental one, in the
     * declaration order of {@link RejectionReason}: MALFORMED (the shape is wrong, fix the producer) before
     * INVALID_IIN (the student cannot be identified) before INVALID_GRADE before INVALID_DATE. Ties go to the
     * first violation in field order.
     */
    public static RejectionReason primaryReason(List<Violation> violations) {
        return violations.stream()
                .map(Violation::reason)
                .min(Comparator.naturalOrder())
                .orElseThrow(() -> new IllegalArgumentException("no violations, so no rejection reason"));
    }

    /** Every message as one line, {@code field: message; field: message}, for a rejection's detail. */
    public static String detail(List<Violation> violations) {
        return violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
    }
}
