package kz.nobd.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One version of an institution card: the REST representation of registry-service and the value of
 * {@code registry.institutions.v1} (key = BIN). {@code version} grows by one per change; the version is valid
 * from {@code validFrom} until the next version's {@code validFrom}.
 */
public record InstitutionCard(
        String bin,
        String nameKk,
        String nameRu,
        InstitutionType type,
        Ownership ownership,
        String kato,
        String oblastKato,
        String districtKato,
        Locality locality,
        List<Language> languages,
        Integer capacity,
        Integer shifts,
        String address,
        String phone,
        String email,
        InstitutionStatus status,
        LocalDate openedOn,
        LocalDate closedOn,
        String successorBin,
        String closureReason,
        long version,
        LocalDate validFrom,
        Instant updatedAt) {

    public static final String TOPIC = Topics.REGISTRY_INSTITUTIONS;
}
