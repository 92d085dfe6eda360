package kz.nobd.contracts.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import kz.nobd.contracts.Checksum12;
import kz.nobd.contracts.InstitutionCard;
import kz.nobd.contracts.InstitutionStatus;
import kz.nobd.contracts.InstitutionType;
import kz.nobd.contracts.Language;
import kz.nobd.contracts.Locality;
import kz.nobd.contracts.Ownership;

/**
 * One or more values of every topic as the services write them on the wire (src/test/resources/wire/&lt;name&gt;.json,
 * one compact JSON line each), with the record each must decode to. {@code exact}: the text is byte for byte what
 * the codec writes for the record (an outside producer's event is not: it leaves out the fields it has no value
 * for). Synthetic identifiers only; the outside event's IIN is drawn at random.
 */
final class WireSamples {
    record Sample<T>(String name, TopicCodec<T> codec, T record, boolean exact) {
        String json() {
            return text(name);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static final String BIN = "210540000010";
    static final UUID EVENT = UUID.fromString("0f8e4c1a-2b7d-4c3e-9a51-6d2f8b9e1c07");
    static final UUID SPELL = UUID.fromString("5b1f0f7e-6a59-4c1e-9a39-3f0f8f4a2d11");
    static final UUID REPORT = UUID.fromString("9a1b3c5d-7e9f-4b2d-8c4e-6f8a0b2c4d6e");
    static final List<Device> DEVICES = List.of(new Device(DeviceKind.DESKTOP, 40, 35, 4),
            new Device(DeviceKind.INTERACTIVE_PANEL, 6, 6, 0));
    static final Internet INTERNET = new Internet(true, new BigDecimal("50.5"), InternetTechnology.FIBER);
    static final Instant RECEIVED = Instant.parse("2026-01-15T05:02:11.481Z");
    static final UUID ENROLMENT_PERIOD = UUID.fromString("79e3c4f8-6152-4f2e-9414-b4c701387898");
    static final String ENROLMENT_DIGEST = "b86cec34c1a0d286825156c5110cd76b162f44b92d78f67339475c6445847a27";
    private static final String IIN = syntheticIin();

    static List<Sample<?>> all() {
        Map<String, Object> maskedEvent = new LinkedHashMap<>();
        maskedEvent.put("eventId", EVENT.toString());
        maskedEvent.put("type", "ENROLLED");
        maskedEvent.put("studentIin", "********0347");
        maskedEvent.put("schoolBin", BIN);
        maskedEvent.put("grade", 14);
        maskedEvent.put("language", "KK");
        maskedEvent.put("occurredOn", "2025-09-01");
        maskedEvent.put("schoolYear", "2025-2026");
        return List.of(
                new Sample<>("registry.institutions.v1", TopicCodec.REGISTRY_INSTITUTIONS, new InstitutionCard(BIN,
                        "№1 мектеп-гимназия", "Школа-гимназия №1", InstitutionType.SCHOOL, Ownership.STATE, "111010000",
                        "110000000", "111000000", Locality.URBAN, List.of(Language.KK, Language.RU), 1200, 2,
                        "Кокшетау, ул. Абая, 1", null, "school1@example.kz", InstitutionStatus.OPEN,
                        LocalDate.parse("1985-09-01"), null, null, null, 3, LocalDate.parse("2025-09-01"),
                        Instant.parse("2025-09-01T04:15:30.123456Z")), true),
                new Sample<>("ingest.enrolment.v1", TopicCodec.INGEST_ENROLMENT, new EnrolmentInputEvent(EVENT,
                        EnrolmentEventType.ENROLLED, null, "9247XfnFESjE4zgNeGsyPpTEcR0jwwVaHyIsqmZmRoI", Sex.F, 2015, "0347", BIN, 5,
                        Language.KK, LocalDate.parse("2025-09-01"), "2025-2026", null, null,
                        UUID.fromString("7c9d2e14-5a3b-4f61-8e2d-0b4a6c8f9d13"), 0), true),
                new Sample<>("ingest.enrolment.v1.outside", TopicCodec.INGEST_ENROLMENT, new EnrolmentInputEvent(
                        UUID.fromString("3d5b7f90-1c2e-4a6b-8d0f-2e4a6c8b0d19"), EnrolmentEventType.WITHDRAWN, IIN,
                        null, null, null, null, BIN, 7, Language.RU, LocalDate.parse("2026-01-20"), "2025-2026", null,
                        WithdrawalReason.MOVED_ABROAD, null, null), false),
                new Sample<>("ingest.equipment.v1", TopicCodec.INGEST_EQUIPMENT, new EquipmentInputReport(REPORT, BIN,
                        LocalDate.parse("2026-01-15"), DEVICES, INTERNET,
                        UUID.fromString("1e3c5a7b-9d0f-4e2a-b4c6-8d0e2f4a6b8c"), 0), true),
                new Sample<>("facts.enrolment.v1.open", TopicCodec.FACTS_ENROLMENT, new SpellFact(SPELL, BIN, 5, Sex.M,
                        2015, Language.KK, LocalDate.parse("2025-09-01"), null, SpellChange.OPENED), true),
                new Sample<>("facts.enrolment.v1.closed", TopicCodec.FACTS_ENROLMENT, new SpellFact(SPELL, BIN, 5,
                        Sex.M, 2015, Language.KK, LocalDate.parse("2025-09-01"), LocalDate.parse("2026-01-20"),
                        SpellChange.CLOSED), true),
                new Sample<>("facts.equipment.v1", TopicCodec.FACTS_EQUIPMENT, new EquipmentFact(REPORT, BIN,
                        LocalDate.parse("2026-01-15"), DEVICES, INTERNET, RECEIVED), true),
                new Sample<>("facts.submissions.v1", TopicCodec.FACTS_SUBMISSIONS, new SubmissionFact(BIN,
                        InputKind.ENROLMENT, LocalDate.parse("2026-01-15"), RECEIVED), true),
                new Sample<>("ingest.rejected.v1", TopicCodec.INGEST_REJECTED, new Rejection(EVENT, InputKind.ENROLMENT,
                        null, null, BIN, RejectionReason.INVALID_GRADE, "grade must be 0..12, was 14",
                        "ingest.enrolment.v1-2@4711", maskedEvent), true),
                new Sample<>("ingest.rejected.v1.unreadable", TopicCodec.INGEST_REJECTED, new Rejection(null,
                        InputKind.EQUIPMENT, null, null, null, RejectionReason.MALFORMED,
                        "the record is not well-formed JSON", "ingest.equipment.v1-0@12", null), true),
                new Sample<>("signoff.returns.v1.signed", TopicCodec.SIGNOFF_RETURNS, new ReturnStatusChange(1,
                        ENROLMENT_PERIOD, SignoffKind.ENROLMENT, "enrolment 2025-2026", LocalDate.parse("2025-10-01"),
                        BIN, "110000000", null, ReturnStatus.SIGNED, Instant.parse("2025-10-03T06:12:40.512Z"),
                        "school.akmola", "school", null, ENROLMENT_DIGEST), true),
                new Sample<>("signoff.returns.v1.returned", TopicCodec.SIGNOFF_RETURNS, new ReturnStatusChange(2,
                        ENROLMENT_PERIOD, SignoffKind.ENROLMENT, "enrolment 2025-2026", LocalDate.parse("2025-10-01"),
                        BIN, "110000000", ReturnStatus.SIGNED, ReturnStatus.RETURNED,
                        Instant.parse("2025-10-06T09:30:00Z"), "oblast.akmola", "oblast",
                        "5 класс: два ученика учтены дважды", ENROLMENT_DIGEST), true),
                new Sample<>("signoff.returns.v1.reopened", TopicCodec.SIGNOFF_RETURNS, new ReturnStatusChange(4,
                        UUID.fromString("f5f4b433-205e-4dab-8ddb-4badb9b18386"), SignoffKind.EQUIPMENT,
                        "equipment 2025-2026", LocalDate.parse("2026-01-15"), BIN, null, ReturnStatus.ACCEPTED,
                        ReturnStatus.DRAFT, Instant.parse("2026-01-20T03:05:17.004Z"), "nobd", "system",
                        "DATA_CHANGED_AFTER_SIGNING",
                        "5ffeeef8c46034256f4036332efef1ee91b33fdeacdf94d7b6ff41d7286431d9"), true));
    }

    /** The sample file's one line (the outside event with a fresh synthetic IIN). */
    static String text(String name) {
        try (InputStream in = WireSamples.class.getResourceAsStream("/wire/" + name + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("no wire sample " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).strip().replace("IIN_PLACEHOLDER", IIN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A valid IIN of a girl born on 15 March 2015 with a random serial (never a real person's on purpose). */
    private static String syntheticIin() {
        while (true) {
            String first11 = "150315" + "6" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
            int check = Checksum12.checkDigit(first11);
            if (check >= 0) {
                return first11 + check;
            }
        }
    }

    private WireSamples() {
    }
}
