package kz.nobd.ingest.domain;

import kz.nobd.contracts.events.RejectionReason;
import static kz.nobd.contracts.events.RejectionReason.INVALID_DATE;
import static kz.nobd.contracts.events.RejectionReason.INVALID_GRADE;
import static kz.nobd.contracts.events.RejectionReason.INVALID_IIN;
import static kz.nobd.contracts.events.RejectionReason.MALFORMED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class ViolationTest {

    @Test
    void primaryReasonIsTheMostFundamental() {
        Violation date = new Violation("occurredOn", INVALID_DATE, "d");
        Violation grade = new Violation("grade", INVALID_GRADE, "g");
        Violation iin = new Violation("studentIin", INVALID_IIN, "i");
        Violation shape = new Violation("language", MALFORMED, "m");
        assertThat(Violation.primaryReason(List.of(date, grade, iin, shape))).isEqualTo(MALFORMED);
        assertThat(Violation.primaryReason(List.of(date, grade, iin))).isEqualTo(INVALID_IIN);
        assertThat(Violation.primaryReason(List.of(date, grade))).isEqualTo(INVALID_GRADE);
        assertThat(Violation.primaryReason(List.of(date))).isEqualTo(INVALID_DATE);
        assertThatThrownBy(() -> Violation.primaryReason(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void detailJoinsEveryMessageWithItsField() {
        assertThat(Violation.detail(List.of(new Violation("grade", INVALID_GRADE, "grade must be 0..12, was 14"),
                new Violation("language", MALFORMED, "language is required"))))
                .isEqualTo("grade: grade must be 0..12, was 14; language: language is required");
    }
}
