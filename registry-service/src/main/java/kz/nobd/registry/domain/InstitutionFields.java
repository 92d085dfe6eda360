package kz.nobd.registry.domain;

import java.time.LocalDate;
import java.util.List;

import kz.nobd.contracts.InstitutionType;
import kz.nobd.contracts.Language;
import kz.nobd.contracts.Locality;
import kz.nobd.contracts.Ownership;

/** The editable fields of a card after validation: every value here is allowed. */
public record InstitutionFields(
        String nameKk,
        String nameRu,
        InstitutionType type,
        Ownership ownership,
        Territory territory,
        Locality locality,
        List<Language> languages,
        Integer capacity,
        Integer shifts,
        String address,
        String phone,
        String email,
        LocalDate openedOn) {
}
