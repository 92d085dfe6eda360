package kz.nobd.ingest.domain;

import kz.nobd.contracts.events.DeviceKind;
import kz.nobd.contracts.events.InternetTechnology;
import kz.nobd.contracts.events.RejectionReason;
import static kz.nobd.contracts.events.RejectionReason.INVALID_DATE;
import static kz.nobd.contracts.events.RejectionReason.MALFORMED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import kz.nobd.contracts.events.Device;
import kz.nobd.ingest.domain.EquipmentReportInput.DeviceInput;
import kz.nobd.ingest.domain.EquipmentReportInput.InternetInput;

class EquipmentReportValidatorTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 3, 15);
    private static final String REPORT_ID = "0b7e5a8e-1c2d-4e3f-9a8b-7c6d5e4f3a2b";
    private static final String SCHOOL = Ids.bin(10);
    private static final InternetInput FIBER = new InternetInput("true", "12.5", "FIBER");
    private final EquipmentReportValidator validator = new EquipmentReportValidator(TODAY);

    @Test
    void acceptsAFullReport() {
        EquipmentReportValidator.Result result = validator.validate(report("2026-03-01", FIBER,
                device("DESKTOP", "30", "25", "4"), device("TABLET", "0", "0", "0"), device("PROJECTOR", "3", "3", "3")));
        assertThat(result.violations()).isEmpty();
        EquipmentReport report = result.report();
        assertThat(report.reportId()).isEqualTo(UUID.fromString(REPORT_ID));
        assertThat(report.schoolBin()).isEqualTo(SCHOOL);
        assertThat(report.asOf()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(report.devices()).containsExactly(new Device(DeviceKind.DESKTOP, 30, 25, 4),
                new Device(DeviceKind.TABLET, 0, 0, 0), new Device(DeviceKind.PROJECTOR, 3, 3, 3));
        assertThat(report.internet().connected()).isTrue();
        assertThat(report.internet().downloadMbps()).isEqualByComparingTo("12.5");
        assertThat(report.internet().technology()).isEqualTo(InternetTechnology.FIBER);
    }

    @Test
    void aSchoolWithoutDevicesOrInternetReportsAnEmptyListAndNone() {
        EquipmentReport report = validator.validate(report("2026-03-15", new InternetInput("false", "0", "NONE"))).report();
        assertThat(report.devices()).isEmpty();
        assertThat(report.internet().connected()).isFalse();
        assertThat(report.internet().downloadMbps()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(report.internet().technology()).isEqualTo(InternetTechnology.NONE);
    }

    @Test
    void countsMustBeWholeAndPartsOfTheTotal() {
        List<Violation> violations = validator.validate(report("2026-03-01", FIBER,
                device("DESKTOP", "10", "11", "12"), device("LAPTOP", "-1", "2.5", null),
                device("DESKTOP", "100001", "0", "0"))).violations();
        assertThat(violations).extracting(Violation::field, Violation::message).containsExactly(
                tuple("devices[0].forTeaching", "devices[0].forTeaching must not exceed total 10, was 11"),
                tuple("devices[0].needsReplacement", "devices[0].needsReplacement must not exceed total 10, was 12"),
                tuple("devices[1].total", "devices[1].total must be 0..100000, was -1"),
                tuple("devices[1].forTeaching", "devices[1].forTeaching must be a whole number 0..100000, was '2.5'"),
                tuple("devices[1].needsReplacement", "devices[1].needsReplacement is required (a whole number 0..100000)"),
                tuple("devices[2].kind", "devices lists DESKTOP more than once; send one line per kind"),
                tuple("devices[2].total", "devices[2].total must be 0..100000, was 100001"));
        assertThat(violations).extracting(Violation::reason).containsOnly(MALFORMED);
    }

    @Test
    void unknownKindAndMissingLinesAreNamed() {
        List<Violation> violations = validator.validate(report("2026-03-01", FIBER,
                device("PRINTER", "1", "1", "0"), null)).violations();
        assertThat(violations).extracting(Violation::field, Violation::message).containsExactly(
                tuple("devices[0].kind", "devices[0].kind must be one of DESKTOP, LAPTOP, TABLET, INTERACTIVE_PANEL,"
                        + " PROJECTOR, OTHER, was 'PRINTER'"),
                tuple("devices[1]", "devices[1] must be an object {kind, total, forTeaching, needsReplacement}"));
    }

    @Test
    void notConnectedMeansNoneAndZero() {
        assertThat(validator.validate(report("2026-03-01", new InternetInput("false", "4", "DSL"))).violations())
                .extracting(Violation::field, Violation::message).containsExactly(
                        tuple("internet.technology", "internet.technology must be NONE when connected is false, was DSL"),
                        tuple("internet.downloadMbps", "internet.downloadMbps must be 0 when connected is false, was 4"));
        assertThat(validator.validate(report("2026-03-01", new InternetInput("true", "4", "NONE"))).violations())
                .extracting(Violation::message).containsExactly("internet.technology must not be NONE when connected"
                        + " is true; one of FIBER, DSL, SATELLITE, MOBILE, RADIO");
    }

    @Test
    void internetFieldsHaveTheirShapes() {
        assertThat(validator.validate(report("2026-03-01", new InternetInput("yes", "-3", "5G"))).violations())
                .extracting(Violation::field, Violation::message).containsExactly(
                        tuple("internet.connected", "internet.connected must be true or false, was 'yes'"),
                        tuple("internet.downloadMbps", "internet.downloadMbps must be a number 0..100000, was '-3'"),
                        tuple("internet.technology", "internet.technology must be one of FIBER, DSL, SATELLITE, MOBILE,"
                                + " RADIO, NONE, was '5G'"));
        assertThat(validator.validate(report("2026-03-01", new InternetInput("true", "100000.5", "SATELLITE")))
                .violations()).extracting(Violation::field).containsExactly("internet.downloadMbps");
        assertThat(validator.validate(report("2026-03-01", new InternetInput("true", "1e3", "MOBILE"))).report()
                .internet().downloadMbps()).isEqualByComparingTo("1000");
        assertThat(validator.validate(report("2026-03-01", null)).violations()).extracting(Violation::message)
                .containsExactly("internet is required: {connected, downloadMbps, technology}");
    }

    @Test
    void asOfLiesBetween2000AndToday() {
        assertThat(validator.validate(report("2026-03-16", FIBER)).violations())
                .extracting(Violation::reason, Violation::message)
                .containsExactly(tuple(INVALID_DATE, "asOf must not be in the future (today is 2026-03-15), was 2026-03-16"));
        assertThat(validator.validate(report("1999-12-31", FIBER)).violations()).extracting(Violation::message)
                .containsExactly("asOf must be on or after 2000-01-01, was 1999-12-31");
        assertThat(validator.validate(report("2000-01-01", FIBER)).violations()).isEmpty();
        assertThat(validator.validate(report("01.03.2026", FIBER)).violations()).extracting(Violation::reason)
                .containsExactly(INVALID_DATE);
    }

    @Test
    void listsEveryTopLevelProblem() {
        EquipmentReportValidator.Result result = validator.validate(
                new EquipmentReportInput("x", Ids.withWrongCheckDigit(SCHOOL), "2030-01-01", null, FIBER));
        assertThat(result.report()).isNull();
        assertThat(result.violations()).extracting(Violation::field)
                .containsExactly("reportId", "schoolBin", "asOf", "devices");
        assertThat(result.primaryReason()).isEqualTo(MALFORMED);
    }

    private static EquipmentReportInput report(String asOf, InternetInput internet, DeviceInput... devices) {
        return new EquipmentReportInput(REPORT_ID, SCHOOL, asOf, Arrays.asList(devices), internet);
    }

    private static DeviceInput device(String kind, String total, String forTeaching, String needsReplacement) {
        return new DeviceInput(kind, total, forTeaching, needsReplacement);
    }
}
