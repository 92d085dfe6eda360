package kz.nobd.registry.api;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonRawValue;

import kz.nobd.registry.domain.InstitutionVersion;
import kz.nobd.registry.service.InstitutionChanges;

/**
 * GET /institutions/changes: card versions in commit order; {@code nextSince} is the {@code since} of the next call
 * (the same value when nothing new was found), {@code more} says that the next call has versions at once.
 */
public record ChangeFeed(List<Change> items, long nextSince, boolean more) {

    /** One version: its place in the feed ({@code change}), the card's BIN and version, and the full card. */
    public record Change(long change, String bin, long version, String changeKind, LocalDate validFrom,
            Instant changedAt, @JsonRawValue String card) {
    }

    static ChangeFeed of(InstitutionChanges.Slice slice) {
        return new ChangeFeed(slice.items().stream().map(ChangeFeed::change).toList(), slice.nextSince(), slice.more());
    }

    private static Change change(InstitutionVersion v) {
        return new Change(v.changeSeq, v.bin, v.version, v.changeKind.name(), v.validFrom, v.changedAt, v.card);
    }
}
