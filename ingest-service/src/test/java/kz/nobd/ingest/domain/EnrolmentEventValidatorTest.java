package kz.nobd.ingest.domain;

import kz.nobd.contracts.events.EnrolmentEventType;
import kz.nobd.contracts.events.WithdrawalReason;
import kz.nobd.contracts.events.RejectionReason;
import static kz.nobd.contracts.events.RejectionReason.INVALID_DATE;
import static kz.nobd.contracts.events.RejectionReason.INVALID_GRADE;
import static kz.nobd.contracts.events.RejectionReason.INVALID_IIN;
import static kz.nobd.contracts.events.RejectionReason.MALFORMED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import kz.nobd.contracts.Iin;
import kz.nobd.contracts.Language;

class EnrolmentEventValidatorTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);
    private static final String IIN = Ids.iin("150301", '6', 42);
    private static final String SCHOOL = Ids.bin(10);
    private static final String OTHER_SCHOOL = Ids.bin(20);
    private static final String EVENT_ID = "3f2b8c1e-0d4a-4b7e-9c61-2a5f0e9d7b13";
    private final Pseudonymizer pseudonymizer = new Pseudonymizer("test-only-pseudonym-key-32-bytes!!");
    private final EnrolmentEventValidator validator = new EnrolmentEventValidator(pseudonymizer, TODAY);

    @Test
    void pseudonymisesAValidIinAndKeepsOnlyItsLastFourDigits() {
        EnrolmentEventValidator.Result result = validator.validate(enrolled(IIN));
        assertThat(result.violations()).isEmpty();
        assertThat(result.valid()).isTrue();
        EnrolmentEvent event = result.event();
        assertThat(event.eventId()).isEqualTo(UUID.fromString(EVENT_ID));
        assertThat(event.type()).isEqualTo(EnrolmentEventType.ENROLLED);
        assertThat(event.studentId()).isEqualTo(pseudonymizer.pseudonym(Iin.parse(IIN)));
        assertThat(event.sex()).isEqualTo('F');
        assertThat(event.birthYear()).isEqualTo(2015);
        assertThat(event.iinLast4()).isEqualTo(IIN.substring(8));
        assertThat(event.maskedIin()).isEqualTo("********" + IIN.substring(8));
        assertThat(event.schoolBin()).isEqualTo(SCHOOL);
        assertThat(event.grade()).isEqualTo(5);
        assertThat(event.language()).isEqualTo(Language.KK);
        assertThat(event.occurredOn()).isEqualTo(LocalDate.of(2025, 9, 1));
        assertThat(event.schoolYear()).isEqualTo("2025-2026");
        assertThat(event.toSchoolBin()).isNull();
        assertThat(event.reason()).isNull();
        assertThat(event.toString()).doesNotContain(IIN);
    }

    @Test
    void acceptsThePseudonymThatIngestsOwnRestLayerProduces() {
        String pseudonym = pseudonymizer.pseudonym(Iin.parse(IIN));
        EnrolmentEvent event = validator.validate(withStudent(enrolled(null), pseudonym, "F", "2015")).event();
        assertThat(event.studentId()).isEqualTo(pseudonym);
        assertThat(event.sex()).isEqualTo('F');
        assertThat(event.birthYear()).isEqualTo(2015);
        assertThat(event.iinLast4()).isNull();
        assertThat(event.maskedIin()).isNull();
    }

    @Test
    void acceptsATransferAndAWithdrawal() {
        EnrolmentEvent transfer = validator.validate(input(EVENT_ID, "TRANSFERRED", IIN, SCHOOL, "5", "KK",
                "2025-11-10", "2025-2026", OTHER_SCHOOL, null)).event();
        assertThat(transfer.toSchoolBin()).isEqualTo(OTHER_SCHOOL);
        EnrolmentEvent withdrawal = validator.validate(input(EVENT_ID, "WITHDRAWN", IIN, SCHOOL, "5", "KK",
                "2025-11-10", "2025-2026", null, "MOVED_ABROAD")).event();
        assertThat(withdrawal.reason()).isEqualTo(WithdrawalReason.MOVED_ABROAD);
    }

    @Test
    void listsEveryProblemAtOnceWithWhatIsAllowed() {
        EnrolmentEventValidator.Result result = validator.validate(input("42", "MOVED", "123", "1", "14", "FR",
                "2026-13-01", "2025-2027", null, null));
        assertThat(result.event()).isNull();
        assertThat(result.violations()).extracting(Violation::field, Violation::reason).containsExactly(
                tuple("eventId", MALFORMED),
                tuple("type", MALFORMED),
                tuple("studentIin", INVALID_IIN),
                tuple("schoolBin", MALFORMED),
                tuple("grade", INVALID_GRADE),
                tuple("language", MALFORMED),
                tuple("occurredOn", INVALID_DATE),
                tuple("schoolYear", INVALID_DATE));
        assertThat(result.violations()).extracting(Violation::message).containsExactly(
                "eventId must be a UUID like 3f2b8c1e-0d4a-4b7e-9c61-2a5f0e9d7b13, was '42'",
                "type must be one of ENROLLED, PROMOTED, TRANSFERRED, WITHDRAWN, GRADUATED, was 'MOVED'",
                "studentIin: IIN must be exactly 12 digits",
                "schoolBin: BIN must be exactly 12 digits, was '1'",
                "grade must be 0..12, was 14",
                "language must be one of KK, RU, EN, UZ, UG, TJ, was 'FR'",
                "occurredOn must be a real date YYYY-MM-DD, was '2026-13-01'",
                "schoolYear must be two consecutive years YYYY-YYYY, e.g. 2025-2026, was '2025-2027'");
        assertThat(result.primaryReason()).isEqualTo(MALFORMED);
    }

    @Test
    void namesEveryMissingField() {
        EnrolmentEventValidator.Result result = validator.validate(
                new EnrolmentEventInput(null, " ", null, null, null, null, null, null, null, null, null, null, null));
        assertThat(result.violations()).extracting(Violation::field).containsExactly("eventId", "type", "studentIin",
                "schoolBin", "grade", "language", "occurredOn", "schoolYear");
        assertThat(result.violations()).extracting(Violation::reason).containsOnly(MALFORMED);
        assertThat(result.violations()).extracting(Violation::message).contains("grade is required (a whole number 0..12)",
                "studentIin is required (the student's 12-digit IIN)", "occurredOn is required (a date YYYY-MM-DD)");
    }

    @ParameterizedTest
    @CsvSource({"0", "12", "' 7 '"})
    void acceptsGradesFromPreSchoolToTwelve(String grade) {
        assertThat(validator.validate(withGrade(grade)).violations()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"-1, grade must be 0..12 was -1", "13, grade must be 0..12 was 13", "five, grade must be a whole number 0..12 was 'five'",
            "5.5, grade must be a whole number 0..12 was '5.5'", "99999999999, grade must be a whole number 0..12 was '*******9999'"})
    void refusesOtherGradesAsInvalidGrade(String grade, String message) {
        List<Violation> violations = validator.validate(withGrade(grade)).violations();
        assertThat(violations).extracting(Violation::reason).containsExactly(INVALID_GRADE);
        assertThat(violations.get(0).message().replace(",", "")).isEqualTo(message);
    }

    @Test
    void anInvalidIinIsNeverEchoed() {
        String wrong = Ids.withWrongCheckDigit(IIN);
        EnrolmentEventValidator.Result result = validator.validate(enrolled(wrong));
        assertThat(result.violations()).extracting(Violation::reason).containsExactly(INVALID_IIN);
        assertThat(result.violations().get(0).message())
                .isEqualTo("studentIin: IIN ********" + wrong.substring(8) + " has a wrong check digit");
        assertThat(result.primaryReason()).isEqualTo(INVALID_IIN);
    }

    @Test
    void anIinInTheWrongFieldIsMaskedToo() {
        EnrolmentEventInput mixedUp = input(EVENT_ID, "ENROLLED", IIN, SCHOOL, IIN, IIN, "2025-09-01", IIN, null, null);
        List<Violation> violations = validator.validate(mixedUp).violations();
        assertThat(violations).extracting(Violation::field).containsExactly("grade", "language", "schoolYear");
        assertThat(violations).allSatisfy(v -> assertThat(v.message()).doesNotContain(IIN.substring(0, 8)));
    }

    @Test
    void anIinThatLostItsLeadingZeroSaysHowToSendIt() {
        String born2005 = Ids.iin("051231", '5', 7);
        List<Violation> violations = validator.validate(enrolled(born2005.substring(1))).violations();
        assertThat(violations).extracting(Violation::message).containsExactly("studentIin: IIN must be exactly 12 digits"
                + " (sent as a JSON number it loses its leading zero: send it as a string)");
    }

    @Test
    void theBirthYearFromTheIinMustBeAStudentsOne() {
        List<Violation> violations = validator.validate(enrolled(Ids.iin("900101", '3', 5))).violations();
        assertThat(violations).extracting(Violation::field, Violation::reason).containsExactly(tuple("studentIin", INVALID_IIN));
        assertThat(violations.get(0).message())
                .isEqualTo("studentIin gives a birth year outside 1996..2026, the years a student can be born in");
    }

    @Test
    void theStudentIsEitherAnIinOrAPseudonymWithSexAndBirthYear() {
        assertThat(validator.validate(withStudent(enrolled(IIN), null, "F", null)).violations())
                .extracting(Violation::field, Violation::message)
                .containsExactly(tuple("studentIin", "send either studentIin or studentId with sex and birthYear, not both"));
        assertThat(validator.validate(withStudent(enrolled(null), null, "F", "2015")).violations())
                .extracting(Violation::field).containsExactly("studentId");
        assertThat(validator.validate(withStudent(enrolled(null), "not-a-pseudonym", "W", "1990")).violations())
                .extracting(Violation::field, Violation::message).containsExactly(
                        tuple("studentId", "studentId must be a pseudonym: 43 base64url characters (HMAC-SHA256 of the IIN)"),
                        tuple("sex", "sex must be M or F, was 'W'"),
                        tuple("birthYear", "birthYear must be a year 1996..2026, was '1990'"));
        String pseudonym = pseudonymizer.pseudonym(Iin.parse(IIN));
        assertThat(validator.validate(withStudent(enrolled(null), pseudonym, "M", "15")).violations())
                .extracting(Violation::reason, Violation::message)
                .containsExactly(tuple(MALFORMED, "birthYear must be a year 1996..2026, was '15'"));
    }

    @Test
    void occurredOnMustBePastAndInsideTheSchoolYear() {
        assertThat(validator.validate(withDates("2026-03-16", "2025-2026")).violations())
                .extracting(Violation::reason, Violation::message)
                .containsExactly(tuple(INVALID_DATE, "occurredOn must not be in the future (today is 2026-03-15), was 2026-03-16"));
        assertThat(validator.validate(withDates("2025-08-31", "2025-2026")).violations())
                .extracting(Violation::message)
                .containsExactly("occurredOn must lie in school year 2025-2026 (2025-09-01..2026-08-31), was 2025-08-31");
        assertThat(validator.validate(withDates("2025-08-31", "2024-2025")).violations()).isEmpty();
        assertThat(validator.validate(withDates("2024-09-01", "2024-2025")).violations()).isEmpty();
        assertThat(validator.validate(withDates("2025-02-29", "2024-2025")).violations())
                .extracting(Violation::reason).containsExactly(INVALID_DATE);
        assertThat(validator.validate(withDates("2025-10-01", "2025/2026")).violations())
                .extracting(Violation::field, Violation::reason).containsExactly(tuple("schoolYear", INVALID_DATE));
    }

    @Test
    void aTransferNamesAnotherValidSchool() {
        assertThat(validator.validate(transfer(null)).violations()).extracting(Violation::message)
                .containsExactly("toSchoolBin is required (a 12-digit BIN)");
        assertThat(validator.validate(transfer(SCHOOL)).violations()).extracting(Violation::message)
                .containsExactly("toSchoolBin must differ from schoolBin: a transfer moves the student to another school");
        assertThat(validator.validate(transfer(Ids.withWrongCheckDigit(OTHER_SCHOOL))).violations())
                .extracting(Violation::field, Violation::reason).containsExactly(tuple("toSchoolBin", MALFORMED));
    }

    @Test
    void aWithdrawalSaysWhy() {
        assertThat(validator.validate(withdrawal(null)).violations()).extracting(Violation::message).containsExactly(
                "reason is required (one of MOVED_ABROAD, MOVED_UNKNOWN_SCHOOL, HOME_SCHOOLING, HEALTH, DECEASED,"
                        + " DROPPED_OUT, OTHER)");
        assertThat(validator.validate(withdrawal("BORED")).violations()).extracting(Violation::field, Violation::reason)
                .containsExactly(tuple("reason", MALFORMED));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ENROLLED", "PROMOTED", "GRADUATED", "WITHDRAWN"})
    void toSchoolBinOnAnythingButATransferIsRefused(String type) {
        EnrolmentEventInput in = input(EVENT_ID, type, IIN, SCHOOL, "5", "KK", "2025-10-01", "2025-2026",
                OTHER_SCHOOL, type.equals("WITHDRAWN") ? "OTHER" : null);
        assertThat(validator.validate(in).violations()).extracting(Violation::field, Violation::message).containsExactly(
                tuple("toSchoolBin", "toSchoolBin is only allowed on TRANSFERRED (the receiving school), this event is " + type));
    }

    @Test
    void reasonOnAnythingButAWithdrawalIsRefused() {
        EnrolmentEventInput in = input(EVENT_ID, "GRADUATED", IIN, SCHOOL, "11", "RU", "2026-01-10", "2025-2026", null, "OTHER");
        assertThat(validator.validate(in).violations()).extracting(Violation::field).containsExactly("reason");
    }

    @Test
    void theSchoolBinMessageComesFromTheBinRules() {
        EnrolmentEventInput in = input(EVENT_ID, "ENROLLED", IIN, "211340000017", "5", "KK", "2025-10-01", "2025-2026",
                null, null);
        assertThat(validator.validate(in).violations()).extracting(Violation::message).containsExactly(
                "schoolBin: BIN digits 3-4 are the registration month and must be 01..12, were 13");
    }

    private static EnrolmentEventInput input(String eventId, String type, String iin, String school, String grade,
            String language, String occurredOn, String schoolYear, String toSchoolBin, String reason) {
        return new EnrolmentEventInput(eventId, type, iin, null, null, null, school, grade, language, occurredOn,
                schoolYear, toSchoolBin, reason);
    }

    private static EnrolmentEventInput enrolled(String iin) {
        return input(EVENT_ID, "ENROLLED", iin, SCHOOL, "5", "KK", "2025-09-01", "2025-2026", null, null);
    }

    private static EnrolmentEventInput withGrade(String grade) {
        return input(EVENT_ID, "ENROLLED", IIN, SCHOOL, grade, "KK", "2025-09-01", "2025-2026", null, null);
    }

    private static EnrolmentEventInput withDates(String occurredOn, String schoolYear) {
        return input(EVENT_ID, "PROMOTED", IIN, SCHOOL, "6", "RU", occurredOn, schoolYear, null, null);
    }

    private static EnrolmentEventInput transfer(String toSchoolBin) {
        return input(EVENT_ID, "TRANSFERRED", IIN, SCHOOL, "5", "KK", "2025-11-10", "2025-2026", toSchoolBin, null);
    }

    private static EnrolmentEventInput withdrawal(String reason) {
        return input(EVENT_ID, "WITHDRAWN", IIN, SCHOOL, "5", "KK", "2025-11-10", "2025-2026", null, reason);
    }

    private static EnrolmentEventInput withStudent(EnrolmentEventInput in, String studentId, String sex, String birthYear) {
        return new EnrolmentEventInput(in.eventId(), in.type(), in.studentIin(), studentId, sex, birthYear, in.schoolBin(),
                in.grade(), in.language(), in.occurredOn(), in.schoolYear(), in.toSchoolBin(), in.reason());
    }
}
