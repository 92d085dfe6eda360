package kz.nobd.ingest.intake;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import kz.nobd.contracts.Bin;
import kz.nobd.contracts.Digits;
import kz.nobd.contracts.Iin;
import kz.nobd.ingest.domain.Redaction;
import kz.nobd.support.ControlCharacters;

/**
 * Turns a record's bytes into a typed input, whatever the producer sent: an unreadable, non-object or oversized
 * record is reported (MALFORMED) with what could still be read of it, never thrown at the consumer.
 */
@ApplicationScoped
public class RecordDecoder {
    public static final int MAX_RECORD_BYTES = 64 * 1024;

    @Inject
    ObjectMapper mapper;

    /**
     * A decoded record: {@code input} null and {@code problem} set when it is malformed. {@link #masked()} is made
     * only when asked for (a rejection): most records never need it.
     */
    public record Decoded<T>(T input, String problem, UUID eventId, String schoolBin, BatchRef batch, String iinLast4,
            Supplier<Map<String, Object>> maskedForm) {
        public boolean malformed() {
            return problem != null;
        }

        /** The record as it may be stored and published with a rejection (any IIN masked), or null. */
        public Map<String, Object> masked() {
            return maskedForm == null ? null : maskedForm.get();
        }
    }

    public <T> Decoded<T> decode(byte[] value, Class<T> type, String idField) {
        if (value == null || value.length == 0) {
            return new Decoded<>(null, "the record is empty", null, null, null, null, null);
        }
        if (value.length > MAX_RECORD_BYTES) {
            return new Decoded<>(null, "the record has " + value.length + " bytes; at most " + MAX_RECORD_BYTES
                    + " are accepted", null, null, null, null, null);
        }
        JsonNode node;
        try {
            node = mapper.readTree(value);
        } catch (IOException e) {
            return new Decoded<>(null, "the record is not well-formed JSON", null, null, null, null, null);
        }
        if (node == null || !node.isObject()) {
            return new Decoded<>(null, "the record must be a JSON object", null, null, null, null, null);
        }
        ObjectNode object = (ObjectNode) node;
        UUID eventId = uuid(object.path(idField).asText(null));
        // only a valid BIN names the school: anything else (an IIN in the wrong column, say) is not stored as one
        String schoolBin = object.path("schoolBin").isTextual() && Bin.isValid(object.path("schoolBin").asText())
                ? object.path("schoolBin").asText() : null;
        BatchRef batch = batch(object);
        String last4 = object.path("iinLast4").asText("");
        object.remove(java.util.List.of("batchId", "batchIndex", "iinLast4"));
        Supplier<Map<String, Object>> masked = () -> maskedCopy(object);
        String withNul = fieldWithNul(object, "");
        if (withNul != null) {
            // PostgreSQL cannot hold U+0000 in text or jsonb: the event is refused, and kept with the character
            // replaced (U+FFFD) so that the rejection itself can be stored and published
            return new Decoded<>(null, "field '" + Redaction.echo(ControlCharacters.withoutNul(withNul))
                    + "' contains the NUL character (U+0000), which no field may contain", eventId, schoolBin, batch,
                    null, masked);
        }
        try {
            T input = mapper.treeToValue(object, type);
            return new Decoded<>(input, null, eventId, schoolBin, batch, Digits.exactly(last4, 4) ? last4 : null, masked);
        } catch (IOException e) {
            return new Decoded<>(null, "a field has the wrong JSON type: " + e.getMessage().lines().findFirst()
                    .orElse("").replaceAll("\\d{12}", "************"), eventId, schoolBin, batch, null, masked);
        }
    }

    /**
     * The record as it may be stored and published with a rejection: studentIin masked, and every other digit run
     * that could be an IIN too, wherever the producer put it (a misspelt field, the school's field, a field name).
     */
    @SuppressWarnings("unchecked")
    private Map<String, Object> maskedCopy(ObjectNode object) {
        ObjectNode copy = (ObjectNode) masked(object);
        if (object.hasNonNull("studentIin")) {
            copy.put("studentIin", ControlCharacters.withoutNul(Iin.mask(object.get("studentIin").asText())));
        }
        return mapper.convertValue(copy, Map.class);
    }

    private JsonNode masked(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = mapper.createObjectNode();
            node.fields().forEachRemaining(f -> copy.set(ControlCharacters.withoutNul(Redaction.maskIinLike(f.getKey())),
                    masked(f.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = mapper.createArrayNode();
            node.forEach(element -> copy.add(masked(element)));
            return copy;
        }
        if ((node.isTextual() && uuid(node.asText()) == null) || node.isIntegralNumber()) {
            String masked = ControlCharacters.withoutNul(Redaction.maskIinLike(node.asText()));
            return masked.equals(node.asText()) ? node : TextNode.valueOf(masked);
        }
        return node;
    }

    /** The name (path) of the first field whose name or text holds U+0000, or null. */
    private static String fieldWithNul(JsonNode node, String path) {
        if (node.isObject()) {
            for (var it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> f = it.next();
                String name = path.isEmpty() ? f.getKey() : path + "." + f.getKey();
                String found = f.getKey().indexOf('\0') >= 0 ? name : fieldWithNul(f.getValue(), name);
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                String found = fieldWithNul(node.get(i), path + "[" + i + "]");
                if (found != null) {
                    return found;
                }
            }
        } else if (node.isTextual() && node.asText().indexOf('\0') >= 0) {
            return path;
        }
        return null;
    }

    private static BatchRef batch(ObjectNode object) {
        UUID batchId = uuid(object.path("batchId").asText(null));
        return batchId == null || !object.path("batchIndex").canConvertToInt() ? null
                : new BatchRef(batchId, object.path("batchIndex").asInt());
    }

    static UUID uuid(String text) {
        try {
            return text == null ? null : UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
