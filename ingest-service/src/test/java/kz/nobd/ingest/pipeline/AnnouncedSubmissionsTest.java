package kz.nobd.ingest.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import kz.nobd.contracts.events.InputKind;

/** A batch asks the database only about the schools and kinds this instance has not seen announced that day. */
class AnnouncedSubmissionsTest {
    private static final LocalDate MONDAY = LocalDate.of(2026, 12, 7);
    private static final Outcomes.Submitted ENROLMENT = new Outcomes.Submitted("991240000013", InputKind.ENROLMENT);
    private static final Outcomes.Submitted EQUIPMENT = new Outcomes.Submitted("991240000013", InputKind.EQUIPMENT);
    private static final Outcomes.Submitted OTHER_SCHOOL = new Outcomes.Submitted("991240000024", InputKind.ENROLMENT);

    private final AnnouncedSubmissions announced = new AnnouncedSubmissions();

    @Test
    void onlyWhatWasSeenCommittedForThatDayIsLeftOut() {
        List<Outcomes.Submitted> batch = List.of(ENROLMENT, EQUIPMENT, OTHER_SCHOOL);
        assertThat(announced.unknown(batch, MONDAY)).containsExactly(ENROLMENT, EQUIPMENT, OTHER_SCHOOL);

        announced.committed(ENROLMENT, MONDAY);
        assertThat(announced.unknown(batch, MONDAY)).containsExactly(EQUIPMENT, OTHER_SCHOOL);
        // the next day every school's first acceptance is asked about again
        assertThat(announced.unknown(batch, MONDAY.plusDays(1))).containsExactly(ENROLMENT, EQUIPMENT, OTHER_SCHOOL);
    }

    @Test
    void anEarlierDaySeenLaterDoesNotReplaceTheLaterOne() {
        announced.committed(ENROLMENT, MONDAY.plusDays(1));
        announced.committed(ENROLMENT, MONDAY);
        assertThat(announced.unknown(List.of(ENROLMENT), MONDAY.plusDays(1))).isEmpty();
        assertThat(announced.unknown(List.of(ENROLMENT), MONDAY)).containsExactly(ENROLMENT);
    }
}
