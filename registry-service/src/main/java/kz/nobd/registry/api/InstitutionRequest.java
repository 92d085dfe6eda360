package kz.nobd.registry.api;

import java.util.List;

import kz.nobd.registry.domain.InstitutionDraft;

/**
 * Body of POST and PUT /institutions. Values are taken as text so that one response can list every problem;
 * read-only card fields (status, version, oblastKato, ...) are ignored if sent. {@code effectiveFrom} only
 * applies to PUT.
 */
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
