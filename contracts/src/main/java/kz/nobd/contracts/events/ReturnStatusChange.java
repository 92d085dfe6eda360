package kz.nobd.contracts.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import kz.nobd.contracts.Nullable;

/**
 * The value of {@code signoff.returns.v1} (key: the school's BIN): the return of a school for a sign-off period
 * moved from one status to another. report-service publishes every change through its outbox, in order per return:
 * {@code seq} counts the return's changes 1, 2, ... (a reader that holds a higher one ignores it: delivery is at least
 * once). {@code from} is null on a return's first change. {@code actor} is the username of whoever made the change,
 * {@code "nobd"} for a change the system made; {@code actorRole} is school, oblast, ministry or system.
 * {@code reason} is the oblast's comment, the ministry's reason or a machine reason such as
 * {@code DATA_CHANGED_AFTER_SIGNING}; {@code digest} the SHA-256 (hex) of the signed canonical content the change
 * refers to. {@code oblastKato} is the school's oblast (9 digits) when known. No personal data but the actor's
 * username.
 */
public record ReturnStatusChange(
        long seq,
        UUID periodId,
        SignoffKind periodKind,
        String periodName,
        LocalDate censusDate,
        String schoolBin,
        @Nullable String oblastKato,
        @Nullable ReturnStatus from,
        ReturnStatus to,
        Instant at,
        String actor,
        String actorRole,
        @Nullable String reason,
        @Nullable String digest) {
}
