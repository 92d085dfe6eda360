package kz.nobd.report.domain;

import kz.nobd.contracts.events.Sex;
import java.time.LocalDate;

/** A row of enrolment_delta: one school, grade, sex and language on one day. */
public record DeltaKey(String schoolBin, int grade, Sex sex, kz.nobd.contracts.Language language,
        LocalDate day) {

    public int cell() {
        return Cell.index(grade, sex.ordinal(), language.ordinal());
    }
}
