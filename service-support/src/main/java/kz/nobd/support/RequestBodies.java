package kz.nobd.support;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;


/**
 * Reads request bodies (a field repeated within one object is an error, not "the last one wins") with a hard size bound (also for chunked bodies without Content-Length) and turns every
 * JSON or encoding problem into a 400 that names the field and says what is expected.
 */
@ApplicationScoped
public class RequestBodies {
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '([^']*)'");

    @Inject
    ObjectMapper mapper;

    /** The body as {@code type}; an empty body is null. */
    public <T> T json(InputStream body, Class<T> type, long maxBytes) {
        byte[] bytes = bounded(body, maxBytes, "a JSON request");
        if (bytes.length == 0) {
            return null;
        }
        try {
            return mapper.readerFor(type).with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION).readValue(bytes);
        } catch (IOException e) {
            throw invalidJson(e);
        }
    }

    public String csv(InputStream body, long maxBytes) {
        byte[] bytes = bounded(body, maxBytes, "a CSV import (split the file)");
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new ValidationException(List.of(new FieldError("csv",
                    "the CSV must be encoded in UTF-8 (save it as 'CSV UTF-8')")));
        }
    }

    private static byte[] bounded(InputStream body, long limit, String what) {
        try (body) {
            byte[] bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
            if (bytes.length > limit) {
                throw new PayloadTooLargeException("the body is larger than " + limit + " bytes; at most " + limit
                        + " are accepted for " + what);
            }
            return bytes;
        } catch (IOException e) {
            throw new ValidationException(List.of(new FieldError("body", "the body could not be read: " + e.getMessage())));
        }
    }

    public static ValidationException invalidJson(IOException e) {
        String original = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
        Matcher duplicate = DUPLICATE.matcher(String.valueOf(original));
        if (e instanceof JsonParseException && duplicate.lookingAt()) {
            String field = duplicate.group(1);
            return single(field, "field '" + field + "' appears more than once in one object; send each field once"
                    + " (a repeated field would silently override the first)");
        }
        if (e instanceof JsonParseException || String.valueOf(e.getMessage()).contains("end-of-input")) {
            String detail = e instanceof JsonProcessingException p ? p.getOriginalMessage() : e.getMessage();
            return single("body", "the body is not well-formed JSON: " + detail);
        }
        if (e instanceof UnrecognizedPropertyException unknown) {
            String allowed = unknown.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .reduce((a, b) -> a + ", " + b).orElse("");
            return single(unknown.getPropertyName(), "unknown field '" + unknown.getPropertyName()
                    + "'; the fields are " + allowed);
        }
        if (e instanceof MismatchedInputException mismatch) {
            String field = path(mismatch);
            if (field.equals("body")) {
                return single("body", "the body must be a JSON object like {\"bin\": \"...\", ...}");
            }
            Class<?> target = mismatch.getTargetType();
            String expected = target != null && Collection.class.isAssignableFrom(target) ? "a JSON array (list), e.g. [\"KK\", \"RU\"]"
                    : "a string or number";
            return single(field, field + " has the wrong JSON type: expected " + expected);
        }
        if (e instanceof JsonMappingException mapping) {
            return single(path(mapping), "the body does not have the expected shape: " + mapping.getOriginalMessage());
        }
        return single("body", "the body could not be read as JSON: " + e.getMessage());
    }

    private static String path(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else if (!path.isEmpty()) {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    /** Parser messages quote the offending token: long digit runs (a BIN or an IIN) are masked. */
    private static ValidationException single(String field, String message) {
        String safe = Params.shownControls(message).replaceAll("\\d{9,}", "************");
        return new ValidationException(safe, List.of(new FieldError(field, safe)));
    }
}
