package kz.nobd.testing.seed;

import java.time.LocalDate;
import java.util.List;

import kz.nobd.contracts.InstitutionCard;
import kz.nobd.contracts.InstitutionType;
import kz.nobd.contracts.Language;
import kz.nobd.contracts.Locality;

/**
 * What the demo activity needs of a general-education school's registry card: where it is (its district: the
 * oblast for a city without districts), how it is (type, locality, languages, capacity) and since when it is open.
 */
public record School(String bin, InstitutionType type, Locality locality, String districtKato, List<Language> languages,
        Integer capacity, LocalDate openedOn) {

    public School {
        languages = languages == null || languages.isEmpty() ? List.of(Language.KK) : List.copyOf(languages);
    }

    public static School of(InstitutionCard card) {
        return new School(card.bin(), card.type(), card.locality(),
                card.districtKato() != null ? card.districtKato() : card.oblastKato(), card.languages(),
                card.capacity(), card.openedOn());
    }

    public boolean isRural() {
        return locality == Locality.RURAL;
    }

    public boolean isOpenOn(LocalDate date) {
        return openedOn == null || !date.isBefore(openedOn);
    }
}
