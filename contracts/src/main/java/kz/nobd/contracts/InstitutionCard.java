package kz.nobd.contracts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One version of an institution card: the REST representation of registry-service and the value of
 * {@code registry.institutions.v1} (key = BIN). {@code version} grows by one per change; the version is valid
 * from {@code validFrom} until the next version's {@code validFrom}. Encoded and decoded on the topic by
 * {@link kz.nobd.contracts.events.TopicCodec#REGISTRY_INSTITUTIONS}; every field is always written, null where
 * {@link Nullable}.
 */
public record InstitutionCard(
        String bin,
        String nameKk,
        String nameRu,
        InstitutionType type,
        Ownership ownership,
        String kato,
        String oblastKato,
        @Nullable String districtKato,
        Locality locality,
        List<Language> languages,
        @Nullable Integer capacity,
        @Nullable Integer shifts,
        @Nullable String address,
        @Nullable String phone,
        @Nullable String email,
        InstitutionStatus status,
        LocalDate openedOn,
        @Nullable LocalDate closedOn,
        @Nullable String successorBin,
        @Nullable String closureReason,
        long version,
        LocalDate validFrom,
        Instant updatedAt) {

    public static final String TOPIC = Topics.REGISTRY_INSTITUTIONS;
}
