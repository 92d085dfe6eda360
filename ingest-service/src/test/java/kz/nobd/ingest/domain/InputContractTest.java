package kz.nobd.ingest.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import kz.nobd.contracts.Language;
import kz.nobd.contracts.events.Device;
import kz.nobd.contracts.events.DeviceKind;
import kz.nobd.contracts.events.EnrolmentEventType;
import kz.nobd.contracts.events.EnrolmentInputEvent;
import kz.nobd.contracts.events.EquipmentInputReport;
import kz.nobd.contracts.events.Internet;
import kz.nobd.contracts.events.InternetTechnology;
import kz.nobd.contracts.events.Sex;
import kz.nobd.contracts.events.TopicCodec;

/**
 * ingest's consumers bind input records to all-text inputs before validating them (so bad values become rejections
 * with a reason): those inputs must name exactly the fields of the topics' records, less the ones RecordDecoder takes
 * off first (batchId, batchIndex, iinLast4), and what the codec writes must bind to them value for value.
 */
class InputContractTest {
    private static final List<String> TAKEN_OFF_BY_THE_DECODER = List.of("batchId", "batchIndex", "iinLast4");
    private static final ObjectMapper LENIENT = TopicCodec.mapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    @Test
    void theTextInputsNameTheFieldsOfTheTopicRecords() {
        assertThat(names(EnrolmentEventInput.class)).containsExactlyElementsOf(
                names(EnrolmentInputEvent.class).stream().filter(n -> !TAKEN_OFF_BY_THE_DECODER.contains(n)).toList());
        assertThat(names(EquipmentReportInput.class)).containsExactlyElementsOf(
                names(EquipmentInputReport.class).stream().filter(n -> !TAKEN_OFF_BY_THE_DECODER.contains(n)).toList());
        assertThat(names(EquipmentReportInput.DeviceInput.class)).containsExactlyElementsOf(names(Device.class));
        assertThat(names(EquipmentReportInput.InternetInput.class)).containsExactlyElementsOf(names(Internet.class));
    }

    @Test
    void anEventAsTheCodecWritesItBindsToTheTextInputValueForValue() throws Exception {
        UUID id = UUID.randomUUID();
        EnrolmentInputEvent event = new EnrolmentInputEvent(id, EnrolmentEventType.TRANSFERRED, null, "pseudonym",
                Sex.F, 2015, "0347", "210540000010", 5, Language.KK, LocalDate.of(2026, 1, 20), "2025-2026",
                "210540000020", null, UUID.randomUUID(), 3);
        ObjectNode tree = (ObjectNode) LENIENT.readTree(TopicCodec.INGEST_ENROLMENT.encode(event));
        tree.remove(TAKEN_OFF_BY_THE_DECODER);

        EnrolmentEventInput input = LENIENT.treeToValue(tree, EnrolmentEventInput.class);

        assertThat(input).isEqualTo(new EnrolmentEventInput(id.toString(), "TRANSFERRED", null, "pseudonym", "F", "2015",
                "210540000010", "5", "KK", "2026-01-20", "2025-2026", "210540000020", null));
    }

    @Test
    void aReportAsTheCodecWritesItBindsToTheTextInputValueForValue() throws Exception {
        UUID id = UUID.randomUUID();
        EquipmentInputReport report = new EquipmentInputReport(id, "210540000010", LocalDate.of(2026, 1, 15),
                List.of(new Device(DeviceKind.LAPTOP, 12, 10, 1)),
                new Internet(true, new BigDecimal("100.25"), InternetTechnology.FIBER), UUID.randomUUID(), 0);
        ObjectNode tree = (ObjectNode) LENIENT.readTree(TopicCodec.INGEST_EQUIPMENT.encode(report));
        tree.remove(TAKEN_OFF_BY_THE_DECODER);

        EquipmentReportInput input = LENIENT.treeToValue(tree, EquipmentReportInput.class);

        assertThat(input).isEqualTo(new EquipmentReportInput(id.toString(), "210540000010", "2026-01-15",
                List.of(new EquipmentReportInput.DeviceInput("LAPTOP", "12", "10", "1")),
                new EquipmentReportInput.InternetInput("true", "100.25", "FIBER")));
    }

    private static List<String> names(Class<? extends Record> type) {
        return Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
    }
}
