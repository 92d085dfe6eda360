package kz.nobd.ingest.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;

import kz.nobd.ingest.domain.TimelineEntry;

/**
 * The JSON of a student row's {@code timeline} and {@code spells} columns (V6 migration): the records' own fields,
 * nulls left out.
 */
@ApplicationScoped
public class StudentStateJson {
    private final ObjectWriter writer;
    private final ObjectReader timelineReader;
    private final ObjectReader spellsReader;

    @Inject
    public StudentStateJson(ObjectMapper mapper) {
        ObjectMapper withoutNulls = mapper.copy().setSerializationInclusion(JsonInclude.Include.NON_NULL);
        this.writer = withoutNulls.writer();
        this.timelineReader = mapper.readerFor(new TypeReference<List<TimelineEntry>>() {
        });
        this.spellsReader = mapper.readerFor(new TypeReference<List<StoredSpell>>() {
        });
    }

    public String write(List<?> timelineOrSpells) {
        try {
            return writer.writeValueAsString(timelineOrSpells);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<TimelineEntry> timeline(String json) {
        return read(timelineReader, json);
    }

    public List<StoredSpell> spells(String json) {
        return read(spellsReader, json);
    }

    private static <T> List<T> read(ObjectReader reader, String json) {
        try {
            return reader.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a student row holds unreadable JSON: " + e.getOriginalMessage(), e);
        }
    }
}
