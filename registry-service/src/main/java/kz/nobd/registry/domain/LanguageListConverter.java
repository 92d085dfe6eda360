package kz.nobd.registry.domain;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import kz.nobd.contracts.Language;

/** Stores languages of instruction as {@code KK,RU}. */
@Converter
public class LanguageListConverter implements AttributeConverter<List<Language>, String> {
    @Override
    public String convertToDatabaseColumn(List<Language> languages) {
        return languages.stream().map(Language::name).collect(Collectors.joining(","));
    }

    @Override
    public List<Language> convertToEntityAttribute(String column) {
        if (column == null || column.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(column.split(",")).map(Language::valueOf).toList();
    }
}
