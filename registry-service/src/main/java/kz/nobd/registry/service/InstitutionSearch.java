package kz.nobd.registry.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;

import kz.nobd.contracts.InstitutionStatus;
import kz.nobd.contracts.InstitutionType;
import kz.nobd.contracts.Locality;
import kz.nobd.support.FieldError;
import kz.nobd.registry.domain.Institution;
import kz.nobd.registry.domain.InstitutionVersion;
import kz.nobd.registry.domain.Territory;
import kz.nobd.registry.repository.InstitutionRepository;
import kz.nobd.registry.repository.InstitutionVersionRepository;
import kz.nobd.registry.repository.TerritoryRepository;
import kz.nobd.support.ValidationException;
import kz.nobd.support.Caller;

/**
 * Lists institutions by filter, always narrowed server-side to the caller's jurisdiction, whatever the query
 * says; reads a card's history.
 */
@ApplicationScoped
public class InstitutionSearch {
    public static final int MAX_PAGE_SIZE = 500;

    @Inject
    InstitutionRepository repository;
    @Inject
    InstitutionVersionRepository versions;
    @Inject
    TerritoryRepository territories;
    @Inject
    Caller caller;
    @Inject
    InstitutionService institutions;

    public record Filter(String kato, InstitutionType type, InstitutionStatus status, Locality locality, String q) {
    }

    public Page<Institution> search(Filter filter, int page, int size) {
        Caller.Scope scope = caller.scope();
        String katoPrefix = null;
        if (filter.kato() != null) {
            Territory territory = territories.findByIdOptional(filter.kato()).orElseThrow(() -> new ValidationException(
                    List.of(new FieldError("kato", "kato " + filter.kato() + " does not exist in the KATO classifier"))));
            katoPrefix = territory.kato.substring(0, territory.prefixLength());
        }
        String binPrefix = null;
        String nameContains = null;
        if (filter.q() != null && !filter.q().isBlank()) {
            String q = filter.q().strip().toLowerCase();
            if (q.matches("\\d{1,12}")) {
                binPrefix = q;
            } else {
                nameContains = q;
            }
        }
        InstitutionRepository.Match match = new InstitutionRepository.Match(
                scope.oblastPrefix().map(prefix -> prefix + "0000000").orElse(null), scope.bin().orElse(null),
                katoPrefix, filter.type(), filter.status(), filter.locality(), binPrefix, nameContains);
        List<Institution> items = repository.search(match, page, size);
        return new Page<>(items, page, size, repository.countMatching(match));
    }

    /** Every version of a visible card, newest first. */
    public Page<InstitutionVersion> history(String bin, int page, int size) {
        institutions.visible(bin, LockModeType.NONE);
        return Page.of(versions.historyOf(bin), page, size);
    }
}
