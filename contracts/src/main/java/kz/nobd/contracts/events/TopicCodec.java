package kz.nobd.contracts.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import kz.nobd.contracts.InstitutionCard;
import kz.nobd.contracts.Topics;

/**
 * The one encoding of a topic's value: its record as compact JSON, UTF-8. Every producer and consumer of the
 * services goes through these codecs (ingest's spell facts are written by a streaming writer for speed, tested to
 * decode here to the same record). One Jackson configuration for all: dates and instants as ISO-8601 text, every
 * field written (null when it has no value), except those a record marks {@code @JsonInclude(NON_NULL)} (absent
 * when null); unknown fields are ignored when reading, so a field added to a topic does not break older readers.
 */
public final class TopicCodec<T> {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .serializationInclusion(JsonInclude.Include.ALWAYS)
            .build();

    public static final TopicCodec<InstitutionCard> REGISTRY_INSTITUTIONS =
            new TopicCodec<>(Topics.REGISTRY_INSTITUTIONS, InstitutionCard.class);
    public static final TopicCodec<EnrolmentInputEvent> INGEST_ENROLMENT =
            new TopicCodec<>(Topics.INGEST_ENROLMENT, EnrolmentInputEvent.class);
    public static final TopicCodec<EquipmentInputReport> INGEST_EQUIPMENT =
            new TopicCodec<>(Topics.INGEST_EQUIPMENT, EquipmentInputReport.class);
    public static final TopicCodec<SpellFact> FACTS_ENROLMENT = new TopicCodec<>(Topics.FACTS_ENROLMENT, SpellFact.class);
    public static final TopicCodec<EquipmentFact> FACTS_EQUIPMENT =
            new TopicCodec<>(Topics.FACTS_EQUIPMENT, EquipmentFact.class);
    public static final TopicCodec<SubmissionFact> FACTS_SUBMISSIONS =
            new TopicCodec<>(Topics.FACTS_SUBMISSIONS, SubmissionFact.class);
    public static final TopicCodec<Rejection> INGEST_REJECTED = new TopicCodec<>(Topics.INGEST_REJECTED, Rejection.class);
    public static final TopicCodec<ReturnStatusChange> SIGNOFF_RETURNS =
            new TopicCodec<>(Topics.SIGNOFF_RETURNS, ReturnStatusChange.class);

    /** One codec per topic of {@link Topics}. */
    public static final List<TopicCodec<?>> ALL = List.of(REGISTRY_INSTITUTIONS, INGEST_ENROLMENT, INGEST_EQUIPMENT,
            FACTS_ENROLMENT, FACTS_EQUIPMENT, FACTS_SUBMISSIONS, INGEST_REJECTED, SIGNOFF_RETURNS);

    private final String topic;
    private final Class<T> type;
    private final ObjectReader reader;
    private final ObjectWriter writer;

    private TopicCodec(String topic, Class<T> type) {
        this.topic = topic;
        this.type = type;
        this.reader = MAPPER.readerFor(type);
        this.writer = MAPPER.writerFor(type);
    }

    public String topic() {
        return topic;
    }

    public Class<T> type() {
        return type;
    }

    public byte[] encode(T value) {
        try {
            return writer.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode a " + type.getSimpleName() + " for " + topic, e);
        }
    }

    /** As {@link #encode}, as text (ingest's outbox keeps messages as text lines). */
    public String encodeToString(T value) {
        try {
            return writer.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot encode a " + type.getSimpleName() + " for " + topic, e);
        }
    }

    /** The record in {@code bytes}; an {@link UncheckedIOException} when they are not one (not JSON, wrong types). */
    public T decode(byte[] bytes) {
        try {
            return reader.readValue(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("not a " + type.getSimpleName() + " of " + topic + ": "
                    + firstLine(e), e);
        }
    }

    public T decode(String text) {
        try {
            return reader.readValue(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not a " + type.getSimpleName() + " of " + topic + ": "
                    + firstLine(e), e);
        }
    }

    private static String firstLine(IOException e) {
        String message = e instanceof JsonProcessingException json ? json.getOriginalMessage() : e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.lines().findFirst().orElse("");
    }

    /** The codec of {@code topic}; an {@link IllegalArgumentException} for a name that is not a topic of v1. */
    public static TopicCodec<?> of(String topic) {
        return ALL.stream().filter(c -> c.topic.equals(topic)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no topic " + topic));
    }

    /**
     * The JSON factory of the codecs, for a streaming writer that must produce what {@link #encode} would (ingest's
     * spell facts; tested against the codec).
     */
    public static JsonFactory jsonFactory() {
        return MAPPER.getFactory();
    }

    /** A copy of the codecs' configuration (for tests and tools: a caller cannot change the codecs' own). */
    public static ObjectMapper mapper() {
        return MAPPER.copy();
    }

    @Override
    public String toString() {
        return "TopicCodec[" + topic + " -> " + type.getSimpleName() + "]";
    }
}
