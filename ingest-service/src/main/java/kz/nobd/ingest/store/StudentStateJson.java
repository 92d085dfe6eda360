package kz.nobd.ingest.store;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;

import kz.nobd.ingest.domain.TimelineEntry;

/**
 * The JSON of a student row's {@code timeline} and {@code spells} columns (V6 migration): the records' own fields,
 * nulls left out. Read back into the records by Jackson.
 */
@ApplicationScoped
public class StudentStateJson {
    private final JsonFactory factory;
    private final ObjectReader timelineReader;
    private final ObjectReader spellsReader;

    @Inject
    public StudentStateJson(ObjectMapper mapper) {
        this.factory = mapper.getFactory();
        this.timelineReader = mapper.readerFor(new TypeReference<List<TimelineEntry>>() {
        });
        this.spellsReader = mapper.readerFor(new TypeReference<List<StoredSpell>>() {
        });
    }

    /** Written field by field: a bean serialiser's per-record overhead was a tenth of a batch's time in the JVM. */
    public String timeline(List<TimelineEntry> timeline) {
        return write(json -> {
            for (TimelineEntry e : timeline) {
                json.writeStartObject();
                json.writeStringField("eventId", e.eventId().toString());
                json.writeStringField("kind", e.kind().name());
                json.writeStringField("schoolBin", e.schoolBin());
                if (e.grade() != null) {
                    json.writeNumberField("grade", e.grade());
                }
                if (e.language() != null) {
                    json.writeStringField("language", e.language().name());
                }
                json.writeStringField("date", e.date().toString());
                if (e.toSchoolBin() != null) {
                    json.writeStringField("toSchoolBin", e.toSchoolBin());
                }
                json.writeNumberField("sequence", e.sequence());
                json.writeEndObject();
            }
        });
    }

    public String spells(List<StoredSpell> spells) {
        return write(json -> {
            for (StoredSpell s : spells) {
                json.writeStartObject();
                json.writeStringField("spellId", s.spellId().toString());
                json.writeStringField("schoolBin", s.schoolBin());
                json.writeNumberField("grade", s.grade());
                json.writeStringField("language", s.language().name());
                json.writeStringField("validFrom", s.validFrom().toString());
                if (s.validTo() != null) {
                    json.writeStringField("validTo", s.validTo().toString());
                }
                json.writeStringField("openedBy", s.openedBy().toString());
                if (s.closedBy() != null) {
                    json.writeStringField("closedBy", s.closedBy().toString());
                }
                json.writeEndObject();
            }
        });
    }

    public List<TimelineEntry> readTimeline(String json) {
        return read(timelineReader, json);
    }

    public List<StoredSpell> readSpells(String json) {
        return read(spellsReader, json);
    }

    private interface Elements {
        void write(JsonGenerator json) throws IOException;
    }

    private String write(Elements elements) {
        StringWriter text = new StringWriter(256);
        try (JsonGenerator json = factory.createGenerator(text)) {
            json.writeStartArray();
            elements.write(json);
            json.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    private static <T> List<T> read(ObjectReader reader, String json) {
        try {
            return reader.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a student row holds unreadable JSON: " + e.getOriginalMessage(), e);
        }
    }
}
