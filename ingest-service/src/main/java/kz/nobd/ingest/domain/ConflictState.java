package kz.nobd.ingest.domain;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A student claimed by two schools: school {@code schoolBin} held the student (its spell opened by
 * {@code schoolEventId}, in {@code grade}) when {@code otherBin} enrolled them on {@code date} with event
 * {@code raisedBy}. The spell at {@code schoolBin} ends on {@code date} either way. A matching TRANSFERRED from
 * {@code schoolBin} to {@code otherBin} within 30 days settles it ({@code settledBy}); a settled conflict is kept,
 * so a caller that stored it can mark it settled. {@code raisedBy} identifies the conflict across replays.
 */
public record ConflictState(
        String schoolBin,
        UUID schoolEventId,
        int grade,
        String otherBin,
        LocalDate date,
        UUID raisedBy,
        UUID settledBy) {

    public boolean isSettled() {
        return settledBy != null;
    }

    ConflictState settledBy(UUID transferId) {
        return new ConflictState(schoolBin, schoolEventId, grade, otherBin, date, raisedBy, transferId);
    }
}
