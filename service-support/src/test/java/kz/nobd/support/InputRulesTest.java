package kz.nobd.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Paging bounds, date ranges, control characters and the masking of identifiers in error details. */
class InputRulesTest {
    @Test
    void pagesWhoseOffsetWouldOverflowAreRefusedNamingTheRange() {
        assertThatThrownBy(() -> Paging.of("4294968", "500", 50)).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).singleElement().satisfies(f -> {
                    assertThat(f.field()).isEqualTo("page");
                    assertThat(f.message()).contains("page must be 0..20000", "was 4294968", "10000000");
                }));
        assertThatThrownBy(() -> Paging.of("16777216", "256", 50)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Paging.of("2147483647", null, 50)).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Paging.of("99999999999999999999", null, 50))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors().get(0).message()).contains("whole number 0..200000"));
        assertThatThrownBy(() -> Paging.of("-1", null, 50)).isInstanceOf(ValidationException.class);
    }

    @Test
    void theLastAllowedPageIsAccepted() {
        Paging last = Paging.of("20000", "500", 50);

        assertThat(last.offset()).isEqualTo(Paging.MAX_OFFSET);
        assertThat(Paging.of(null, null, 50)).isEqualTo(new Paging(0, 50));
    }

    @Test
    void datesOutsideTheRangeAreRefused() {
        List<FieldError> errors = new ArrayList<>();
        LocalDate fallback = LocalDate.of(2025, 1, 1);

        assertThat(Params.date("since", "+999999999-12-31", fallback, errors)).isEqualTo(fallback);
        assertThat(Params.date("asOf", "-999999999-01-01", fallback, errors)).isEqualTo(fallback);
        assertThat(Params.date("asOf", "1899-12-31", fallback, errors)).isEqualTo(fallback);
        assertThat(Params.date("asOf", "1900-01-01", fallback, errors)).isEqualTo(Params.EARLIEST_DATE);
        assertThat(Params.date("asOf", "9999-12-31", fallback, errors)).isEqualTo(Params.LATEST_DATE);

        assertThat(errors).extracting(FieldError::field).containsExactly("since", "asOf", "asOf");
        assertThat(errors).allSatisfy(e -> assertThat(e.message()).contains("from 1900-01-01 to 9999-12-31"));
    }

    @Test
    void controlCharactersAreFoundAndNeverEchoed() {
        assertThat(ControlCharacters.problem("nameRu", "Школа\u0000№1")).contains("nameRu", "U+0000");
        assertThat(ControlCharacters.problem("address", "ул. Абая\t1")).contains("U+0009");
        assertThat(ControlCharacters.problem("address", "DEL\u007F")).contains("U+007F");
        assertThat(ControlCharacters.problem("nameRu", "Школа № 1 «Болашақ»")).isNull();
        List<FieldError> errors = new ArrayList<>();
        assertThat(Params.text("user", "ministry\u0000", 200, errors)).isNull();
        assertThat(errors).singleElement().satisfies(e -> assertThat(e.field()).isEqualTo("user"));
        assertThat(Params.shown("a\u0000b\nc")).isEqualTo("a?b?c");
    }

    @Test
    void twelveDigitRunsAreMasked() {
        assertThat(IdentifierMask.mask("no batch 050101612345 submitted")).isEqualTo("no batch ********2345 submitted");
        assertThat(IdentifierMask.mask("1234567890123456")).isEqualTo("********3456");
        assertThat(IdentifierMask.mask("kato 110000000, page 4294968")).isEqualTo("kato 110000000, page 4294968");
        Problem problem = Problem.of(404, "Not found", "no institution 210540000010",
                "/api/v1/institutions/210540000010", List.of(new FieldError("050101612345", "x 050101612345")));

        assertThat(problem.toString()).doesNotContain("210540000010").doesNotContain("050101612345");
        assertThat(problem.type()).isEqualTo("urn:nobd:problem:not-found");
    }
}
