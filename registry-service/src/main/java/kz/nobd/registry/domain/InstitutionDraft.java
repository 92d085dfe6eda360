package kz.nobd.registry.domain;

import java.util.List;

/**
 * An institution as a clerk submitted it (JSON body or CSV row), every value still unchecked text, so that one
 * pass of {@link InstitutionValidator} can report every problem at once.
 */
public record InstitutionDraft(
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
        String openedOn) {
}
