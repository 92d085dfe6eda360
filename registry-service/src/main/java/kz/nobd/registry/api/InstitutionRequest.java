package kz.nobd.registry.api;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import kz.nobd.registry.domain.InstitutionDraft;

/**
 * Body of POST and PUT /institutions. Values are taken as text so that one response can list every problem;
 * read-only card fields (status, version, oblastKato, ...) are ignored if sent, so a GET card can be edited and
 * sent back; any other unknown field is an error (a typo must not silently drop a value). {@code effectiveFrom}
 * only applies to PUT.
 */
@JsonIgnoreProperties({"oblastKato", "districtKato", "status", "closedOn", "successorBin", "closureReason", "version",
        "validFrom", "updatedAt"})
public record InstitutionRequest(
        String bin,
        String nameKk,
        String nameRu,
        String type,
        String ownership,
        String kato,
        String locality,
        List<String> languages,
        String capacity,
        String shifts,
        String address,
        String phone,
        String email,
        String openedOn,
        String effectiveFrom) {

    public InstitutionDraft toDraft() {
        return new InstitutionDraft(bin, nameKk, nameRu, type, ownership, kato, locality, languages, capacity, shifts,
                address, phone, email, openedOn);
    }
}
