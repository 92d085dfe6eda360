package kz.nobd.contracts.events;

import java.io.IOException;
import java.time.LocalDate;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import kz.nobd.contracts.Language;

/**
 * Reads a value of {@code facts.enrolment.v1} as {@link TopicCodec#FACTS_ENROLMENT} decodes it, token by token with
 * the codecs' JSON factory for the shape every producer writes (string fields, integer numbers, dates as yyyy-MM-dd,
 * fields in any order, unknown ones skipped), and through the codec itself for anything else: report-service's
 * consumer reads every fact of the country, and the data-binding machinery was a third of its CPU. Whatever the
 * fast path does not recognise exactly goes to the codec, so the two cannot disagree: the same record, or the
 * codec's refusal (SpellFactReaderTest).
 */
public final class SpellFactReader {
    private SpellFactReader() {
    }

    /**
     * The fact in {@code bytes} (null for JSON null); an {@link java.io.UncheckedIOException} when they are not one,
     * as the codec says.
     */
    public static SpellFact read(byte[] bytes) {
        try (JsonParser json = TopicCodec.jsonFactory().createParser(bytes)) {
            return read(json);
        } catch (IOException | RuntimeException notTheUsualShape) {
            return TopicCodec.FACTS_ENROLMENT.decode(bytes);
        }
    }

    private static SpellFact read(JsonParser json) throws IOException {
        JsonToken first = json.nextToken();
        if (first == JsonToken.VALUE_NULL) {
            return null;
        }
        if (first != JsonToken.START_OBJECT) {
            throw new IOException("not a JSON object");
        }
        UUID spellId = null;
        String schoolBin = null;
        int grade = 0, birthYear = 0;
        Sex sex = null;
        Language language = null;
        LocalDate validFrom = null, validTo = null;
        SpellChange change = null;
        for (String field = json.nextFieldName(); field != null; field = json.nextFieldName()) {
            JsonToken value = json.nextToken();
            switch (field) {
                case "spellId" -> spellId = uuid(text(json, value));
                case "schoolBin" -> schoolBin = text(json, value);
                case "grade" -> grade = number(json, value);
                case "sex" -> sex = constant(Sex.class, text(json, value));
                case "birthYear" -> birthYear = number(json, value);
                case "language" -> language = constant(Language.class, text(json, value));
                case "validFrom" -> validFrom = date(text(json, value));
                case "validTo" -> validTo = date(text(json, value));
                case "change" -> change = constant(SpellChange.class, text(json, value));
                default -> json.skipChildren();
            }
        }
        return new SpellFact(spellId, schoolBin, grade, sex, birthYear, language, validFrom, validTo, change);
    }

    /** The string value, null for JSON null; anything else goes to the codec. */
    private static String text(JsonParser json, JsonToken value) throws IOException {
        if (value == JsonToken.VALUE_NULL) {
            return null;
        }
        if (value != JsonToken.VALUE_STRING) {
            throw new IOException("field " + json.currentName() + ": not a string but " + value);
        }
        return json.getText();
    }

    /** An integer, null as 0 (a primitive); anything else goes to the codec. */
    private static int number(JsonParser json, JsonToken value) throws IOException {
        return switch (value) {
            case VALUE_NUMBER_INT -> json.getIntValue();
            case VALUE_NULL -> 0;
            default -> throw new IOException("field " + json.currentName() + ": not an integer but " + value);
        };
    }

    /** The constant named {@code text} (null for null); another name goes to the codec. */
    private static <E extends Enum<E>> E constant(Class<E> type, String text) {
        return text == null ? null : Enum.valueOf(type, text);
    }

    /** The canonical 36-character form only (the codec's); anything else goes to the codec. */
    private static UUID uuid(String text) {
        if (text == null) {
            return null;
        }
        if (text.length() != 36) {
            throw new IllegalArgumentException("not a canonical UUID");
        }
        return UUID.fromString(text);
    }

    /** yyyy-MM-dd read by hand; anything else goes to the codec. */
    private static LocalDate date(String text) {
        if (text == null) {
            return null;
        }
        if (text.length() == 10 && text.charAt(4) == '-' && text.charAt(7) == '-') {
            int year = digits(text, 0, 4), month = digits(text, 5, 7), day = digits(text, 8, 10);
            if (year >= 0 && month >= 0 && day >= 0) {
                return LocalDate.of(year, month, day);
            }
        }
        throw new IllegalArgumentException("not a yyyy-MM-dd date");
    }

    private static int digits(String text, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }
}
