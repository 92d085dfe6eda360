package kz.nobd.registry.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.nobd.registry.domain.InstitutionVersion;
import kz.nobd.registry.repository.InstitutionVersionRepository;
import kz.nobd.support.Caller;

/**
 * The change feed: card versions in commit order after a cursor (a version's {@code change_seq}), narrowed to the
 * caller's jurisdiction. An oblast sees the versions of cards in its oblast and the version that moved a card out
 * of it (so that its copy can let the card go); a school sees its own card's versions.
 */
@ApplicationScoped
public class InstitutionChanges {
    public static final int DEFAULT_SIZE = 100;
    public static final int MAX_SIZE = 1000;

    @Inject
    InstitutionVersionRepository versions;
    @Inject
    Caller caller;

    /** Up to {@code size} versions after {@code since}; {@code more} says whether others follow. */
    public record Slice(List<InstitutionVersion> items, long nextSince, boolean more) {
    }

    public Slice after(long since, int size) {
        Caller.Scope scope = caller.scope();
        List<InstitutionVersion> found = versions.changesAfter(since,
                scope.oblastPrefix().map(prefix -> prefix + "0000000").orElse(null), scope.bin().orElse(null), size + 1);
        boolean more = found.size() > size;
        List<InstitutionVersion> items = more ? found.subList(0, size) : found;
        return new Slice(items, items.isEmpty() ? since : items.get(items.size() - 1).changeSeq, more);
    }
}
