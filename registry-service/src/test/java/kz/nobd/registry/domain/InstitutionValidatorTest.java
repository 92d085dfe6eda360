package kz.nobd.registry.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import kz.nobd.contracts.InstitutionType;
import kz.nobd.contracts.Language;
import kz.nobd.contracts.Locality;
import kz.nobd.support.FieldError;

class InstitutionValidatorTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    private final Map<String, Territory> known = Map.of(
            "111033100", territory("111033100", TerritoryLevel.SETTLEMENT, 2),
            "111000000", territory("111000000", TerritoryLevel.DISTRICT, 3),
            "110000000", territory("110000000", TerritoryLevel.OBLAST, 0));
    private final InstitutionValidator validator = new InstitutionValidator(k -> Optional.ofNullable(known.get(k)), TODAY);

    @Test
    void acceptsAFullCardAndDefaultsLocalityFromTheKatoTypeCode() {
        InstitutionValidator.Result result = validator.validate(draft("111033100", null, List.of("KK", "RU")));
        assertThat(result.errors()).isEmpty();
        assertThat(result.fields().locality()).isEqualTo(Locality.RURAL);
        assertThat(result.fields().type()).isEqualTo(InstitutionType.SCHOOL);
        assertThat(result.fields().languages()).containsExactly(Language.KK, Language.RU);
        assertThat(result.fields().nameRu()).isEqualTo("Школа");
    }

    @Test
    void mixedKatoTypeNeedsAnExplicitLocality() {
        assertThat(validator.validate(draft("111000000", null, List.of("KK"))).errors())
                .extracting(FieldError::field).containsExactly("locality");
        assertThat(validator.validate(draft("111000000", "URBAN", List.of("KK"))).fields().locality())
                .isEqualTo(Locality.URBAN);
    }

    @Test
    void listsEveryProblemAtOnceWithWhatIsAllowed() {
        InstitutionDraft bad = new InstitutionDraft("1", " ", null, "GYMNASIUM", "STATE", "110000000", "SUBURBAN",
                List.of("KK", "FR", "KK"), "-5", "4", null, "12", "not-an-email", "2030-01-01");
        List<FieldError> errors = validator.validate(bad).errors();
        assertThat(errors).extracting(FieldError::field).containsExactlyInAnyOrder("nameKk", "nameRu", "type", "kato",
                "locality", "languages", "languages", "capacity", "shifts", "phone", "email", "openedOn");
        assertThat(errors).extracting(FieldError::message).contains(
                "type must be one of PRESCHOOL, SCHOOL, SMALL_SCHOOL, COLLEGE, UNIVERSITY, EXTRACURRICULAR, BOARDING,"
                        + " ORPHANAGE, OTHER, was 'GYMNASIUM'",
                "capacity must be 1..20000, was -5",
                "shifts must be 1..3, was 4",
                "languages lists KK twice",
                "openedOn must not be in the future (today is 2026-11-23), was 2030-01-01");
        assertThat(validator.checkBin("1")).extracting(FieldError::message)
                .containsExactly("BIN must be exactly 12 digits, was '1'");
    }

    @Test
    void unknownKatoIsNamed() {
        assertThat(validator.validate(draft("119999999", null, List.of("RU"))).errors())
                .extracting(FieldError::message)
                .containsExactly("kato 119999999 does not exist in the KATO classifier");
    }

    private static InstitutionDraft draft(String kato, String locality, List<String> languages) {
        return new InstitutionDraft("210540000010", " Мектеп ", "Школа", "SCHOOL", "STATE", kato, locality, languages,
                "600", "2", "ул. Абая 1", "+7 (7162) 25-00-00", "school@example.kz", "2001-09-01");
    }

    private static Territory territory(String kato, TerritoryLevel level, int typeCode) {
        Territory t = new Territory();
        t.kato = kato;
        t.level = level;
        t.typeCode = (short) typeCode;
        t.oblastKato = kato.substring(0, 2) + "0000000";
        return t;
    }
}
