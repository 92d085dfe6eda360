package kz.nobd.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import kz.nobd.contracts.Topics;

/** Per topic: record -> bytes -> the equal record, and the value as written on the wire decodes to the expected record. */
class TopicCodecTest {
    static List<WireSamples.Sample<?>> samples() {
        return WireSamples.all();
    }

    @ParameterizedTest
    @MethodSource("samples")
    <T> void aRecordSurvivesTheRoundTrip(WireSamples.Sample<T> sample) {
        TopicCodec<T> codec = sample.codec();
        assertThat(codec.decode(codec.encode(sample.record()))).isEqualTo(sample.record());
        assertThat(codec.decode(codec.encodeToString(sample.record()))).isEqualTo(sample.record());
    }

    @ParameterizedTest
    @MethodSource("samples")
    <T> void theValueAsWrittenOnTheWireDecodesToTheExpectedRecord(WireSamples.Sample<T> sample) {
        assertThat(sample.codec().decode(sample.json().getBytes(StandardCharsets.UTF_8))).isEqualTo(sample.record());
    }

    @ParameterizedTest
    @MethodSource("samples")
    <T> void theCodecWritesTheWireFormatByteForByte(WireSamples.Sample<T> sample) {
        if (sample.exact()) {
            assertThat(sample.codec().encodeToString(sample.record())).isEqualTo(sample.json());
        } else {
            assertThat(sample.codec().decode(sample.codec().encode(sample.record()))).isEqualTo(sample.record());
        }
    }

    @Test
    void everyTopicHasExactlyOneCodecAndEveryCodecATopic() {
        List<String> topics = Arrays.stream(Topics.class.getFields()).filter(f -> Modifier.isStatic(f.getModifiers()))
                .map(f -> {
                    try {
                        return (String) f.get(null);
                    } catch (IllegalAccessException e) {
                        throw new IllegalStateException(e);
                    }
                }).toList();
        assertThat(TopicCodec.ALL).extracting(TopicCodec::topic).containsExactlyInAnyOrderElementsOf(topics);
        topics.forEach(t -> assertThat(TopicCodec.of(t).topic()).isEqualTo(t));
        assertThat(samples()).extracting(s -> s.codec().topic()).containsAll(topics);
    }

    @Test
    void absentNullableFieldsReadAsNullAndUnknownFieldsAreIgnored() {
        SpellFact open = TopicCodec.FACTS_ENROLMENT.decode("{\"spellId\":\"5b1f0f7e-6a59-4c1e-9a39-3f0f8f4a2d11\","
                + "\"schoolBin\":\"210540000010\",\"grade\":5,\"sex\":\"M\",\"birthYear\":2015,\"language\":\"KK\","
                + "\"validFrom\":\"2025-09-01\",\"change\":\"OPENED\",\"addedInV2\":true}");
        assertThat(open).isEqualTo(WireSamples.all().stream().filter(s -> s.name().equals("facts.enrolment.v1.open"))
                .findFirst().orElseThrow().record());
    }

    @Test
    void aReturnsFirstChangeReadsWithTheNullableFieldsAbsentAndWritesThemAsNull() {
        String signed = WireSamples.text("signoff.returns.v1.signed");
        String withoutNulls = signed.replace("\"from\":null,", "").replace("\"reason\":null,", "");
        assertThat(withoutNulls).doesNotContain("null");
        ReturnStatusChange first = TopicCodec.SIGNOFF_RETURNS.decode(withoutNulls);
        assertThat(first.from()).isNull();
        assertThat(first.to()).isEqualTo(ReturnStatus.SIGNED);
        assertThat(TopicCodec.SIGNOFF_RETURNS.encodeToString(first)).isEqualTo(signed);
        assertThatThrownBy(() -> TopicCodec.SIGNOFF_RETURNS.decode(signed.replace("\"SIGNED\"", "\"APPROVED\"")))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("signoff.returns.v1");
    }

    @Test
    void theOptionalInputFieldsAreLeftOutWhenNullAndTheOthersWrittenAsNull() {
        EnrolmentInputEvent withoutBatch = new EnrolmentInputEvent(WireSamples.EVENT, EnrolmentEventType.PROMOTED,
                null, "pseudonym", Sex.F, 2015, "0347", WireSamples.BIN, 6, kz.nobd.contracts.Language.KK,
                java.time.LocalDate.parse("2026-05-25"), "2025-2026", null, null, null, null);
        assertThat(TopicCodec.INGEST_ENROLMENT.encodeToString(withoutBatch)).doesNotContain("studentIin", "batchId",
                "batchIndex").contains("\"toSchoolBin\":null", "\"reason\":null");
    }

    @Test
    void aValueThatIsNotTheRecordIsAnErrorNamingTheTopic() {
        assertThatThrownBy(() -> TopicCodec.FACTS_SUBMISSIONS.decode("{\"kind\":\"LUNCH\"}"))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("facts.submissions.v1");
        assertThatThrownBy(() -> TopicCodec.FACTS_SUBMISSIONS.decode("{{{".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(UncheckedIOException.class).hasMessageContaining("SubmissionFact");
        assertThatThrownBy(() -> TopicCodec.of("facts.lunch.v1")).isInstanceOf(IllegalArgumentException.class);
    }
}
