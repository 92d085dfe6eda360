package kz.nobd.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import kz.nobd.contracts.InstitutionCard;
import kz.nobd.contracts.InstitutionStatus;
import kz.nobd.contracts.InstitutionType;
import kz.nobd.contracts.Language;
import kz.nobd.contracts.Locality;
import kz.nobd.contracts.Ownership;

class CardVersionTest {

    @Test
    void aCompleteCardIsUsable() {
        assertThat(CardVersion.problemWith(card("210540000010", 1, "110000000", LocalDate.of(1970, 9, 1)))).isNull();
        CardVersion version = CardVersion.of(card("210540000010", 3, "110000000", LocalDate.of(1970, 9, 1)));
        assertThat(version.isOpen()).isTrue();
        assertThat(version.takesEnrolment()).isTrue();
    }

    @Test
    void aCardLackingWhatTheViewNeedsIsRefusedWithTheReason() {
        assertThat(CardVersion.problemWith(card("21054000001", 1, "110000000", LocalDate.of(1970, 9, 1))))
                .isEqualTo("no 12-digit BIN or no version");
        assertThat(CardVersion.problemWith(card("210540000010", 0, "110000000", LocalDate.of(1970, 9, 1))))
                .isEqualTo("no 12-digit BIN or no version");
        assertThat(CardVersion.problemWith(card("210540000010", 2, null, LocalDate.of(1970, 9, 1))))
                .contains("lacks type, status, oblastKato, validFrom or openedOn");
        assertThat(CardVersion.problemWith(card("210540000010", 2, "110000000", null))).contains("lacks");
        assertThat(CardVersion.problemWith(null)).isNotNull();
    }

    private static InstitutionCard card(String bin, long version, String oblast, LocalDate validFrom) {
        return new InstitutionCard(bin, "Мектеп", "Школа", InstitutionType.SCHOOL, Ownership.STATE, "111033100", oblast,
                "111000000", Locality.RURAL, List.of(Language.KK), 400, 1, null, null, null, InstitutionStatus.OPEN,
                LocalDate.of(1970, 9, 1), null, null, null, version, validFrom, Instant.now());
    }
}
