package kz.nobd.contracts.events;

import java.util.Map;
import java.util.UUID;

import kz.nobd.contracts.Nullable;

/**
 * The value of {@code ingest.rejected.v1} (key: {@code eventId}, or {@code source} when the record had no readable
 * id): an input record ingest rejected, with the reason and a readable detail. {@code source} is the input record's
 * place, {@code topic-partition@offset}; {@code batchId} and {@code index} name its REST batch, if any;
 * {@code schoolBin} is set only when the record named a valid BIN. {@code event} is the record as it was read, with
 * every IIN (and every digit run that could be one) masked; null when it could not be read at all.
 */
public record Rejection(
        @Nullable UUID eventId,
        InputKind kind,
        @Nullable UUID batchId,
        @Nullable Integer index,
        @Nullable String schoolBin,
        RejectionReason reason,
        String detail,
        String source,
        @Nullable Map<String, Object> event) {
}
