package kz.nobd.registry.domain;

import java.util.Optional;

/** Finds a KATO unit by code; implemented over the territory table. */
@FunctionalInterface
public interface TerritoryLookup {
    Optional<Territory> find(String kato);
}
