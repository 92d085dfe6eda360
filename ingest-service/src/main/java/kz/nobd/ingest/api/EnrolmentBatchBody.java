package kz.nobd.ingest.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.nobd.ingest.domain.EnrolmentEventInput;
import kz.nobd.ingest.domain.Redaction;
import kz.nobd.support.FieldError;
import kz.nobd.support.ValidationException;

/**
 * The body of POST /enrolment-events bound element by element, so that every element of the wrong shape (not an
 * object, an unknown field, an object or array where text is expected) is listed with its index, next to the
 * syntax errors of the others, instead of the first binding error of the whole array without an index.
 * {@code inputs} holds null for an element in {@code shapeErrors}; null {@code inputs} for an empty body.
 */
record EnrolmentBatchBody(List<EnrolmentEventInput> inputs, Map<Integer, List<FieldError>> shapeErrors) {
    private static final Set<String> FIELDS = new TreeSet<>(Arrays.stream(EnrolmentEventInput.class.getRecordComponents())
            .map(c -> c.getName()).toList());

    static EnrolmentBatchBody read(JsonNode body, ObjectMapper mapper) {
        if (body == null) {
            return new EnrolmentBatchBody(null, Map.of());
        }
        if (!body.isArray()) {
            throw new ValidationException(List.of(new FieldError("body", "the body must be a JSON array of events"
                    + " [{\"eventId\": ..., \"type\": ...}, ...], was a JSON " + body.getNodeType().name().toLowerCase())));
        }
        List<EnrolmentEventInput> inputs = new ArrayList<>(body.size());
        Map<Integer, List<FieldError>> errors = new LinkedHashMap<>();
        for (int i = 0; i < body.size(); i++) {
            List<FieldError> problems = problems(i, body.get(i));
            if (problems.isEmpty()) {
                inputs.add(mapper.convertValue(body.get(i), EnrolmentEventInput.class));
            } else {
                inputs.add(null);
                errors.put(i, problems);
            }
        }
        return new EnrolmentBatchBody(inputs, errors);
    }

    private static List<FieldError> problems(int index, JsonNode element) {
        if (element == null || !element.isObject()) {
            return List.of(new FieldError("[" + index + "]", "an event must be a JSON object"));
        }
        List<FieldError> problems = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = element.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            String name = Redaction.echo(field.getKey());
            String path = "[" + index + "]." + name;
            if (!FIELDS.contains(field.getKey())) {
                problems.add(new FieldError(path, "unknown field '" + name + "'; the fields are " + String.join(", ", FIELDS)));
            } else if (field.getValue().isContainerNode()) {
                problems.add(new FieldError(path, name + " has the wrong JSON type: expected a string or number, was a JSON "
                        + (field.getValue().isArray() ? "array" : "object")));
            }
        }
        return problems;
    }
}
