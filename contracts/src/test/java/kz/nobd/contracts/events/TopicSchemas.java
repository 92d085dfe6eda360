package kz.nobd.contracts.events;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.victools.jsonschema.generator.FieldScope;
import com.github.victools.jsonschema.generator.Option;
import com.github.victools.jsonschema.generator.OptionPreset;
import com.github.victools.jsonschema.generator.SchemaGenerator;
import com.github.victools.jsonschema.generator.SchemaGeneratorConfigBuilder;
import com.github.victools.jsonschema.generator.SchemaVersion;
import com.github.victools.jsonschema.module.jackson.JacksonModule;

import kz.nobd.contracts.Nullable;

/**
 * The JSON Schema of each topic's value, generated from its record (victools jsonschema-generator): a
 * {@link Nullable} field is optional and may be null, every other field is required. The schemas are kept in
 * docs/schemas/&lt;topic&gt;.schema.json; {@code TopicSchemasTest} fails when a record and its file differ, and
 * rewrites the files when run with {@code -Dcontracts.writeSchemas=true}.
 */
final class TopicSchemas {
    /** docs/schemas of the repository (the tests run in the module's folder). */
    static final Path FOLDER = Path.of(System.getProperty("basedir", "."), "..", "docs", "schemas").normalize();

    private static final ObjectMapper PRINTER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private TopicSchemas() {
    }

    static Path file(String topic) {
        return FOLDER.resolve(topic + ".schema.json");
    }

    /** The schema of {@code codec}'s record, as the text kept in its file (two-space indent, a final line break). */
    static String generate(TopicCodec<?> codec) {
        SchemaGeneratorConfigBuilder config = new SchemaGeneratorConfigBuilder(SchemaVersion.DRAFT_2020_12,
                OptionPreset.PLAIN_JSON)
                .with(new JacksonModule())
                .with(Option.EXTRA_OPEN_API_FORMAT_VALUES, Option.FLATTENED_ENUMS);
        config.forTypesInGeneral().withPropertySorter((a, b) -> 0); // the record's order, as on the wire
        config.forFields().withNullableCheck(TopicSchemas::nullable);
        config.forFields().withRequiredCheck(field -> !nullable(field));
        ObjectNode schema = new SchemaGenerator(config.build()).generateSchema(codec.type());
        ObjectNode root = PRINTER.createObjectNode();
        root.set("$schema", schema.remove("$schema"));
        root.put("title", "Value of " + codec.topic() + " (" + codec.type().getName() + ")");
        root.put("description", "Generated from the record by TopicSchemasTest (contracts): do not edit by hand."
                + " A field that is not required may be null or absent; readers ignore fields they do not know.");
        root.setAll(schema);
        try {
            return PRINTER.writeValueAsString(root).replace("\r\n", "\n") + "\n";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean nullable(FieldScope field) {
        return !field.isFakeContainerItemScope() && field.getAnnotationConsideringFieldAndGetter(Nullable.class) != null;
    }

    static String stored(String topic) {
        try {
            return Files.readString(file(topic), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return null;
        }
    }

    static void write(String topic, String schema) {
        try {
            Files.createDirectories(FOLDER);
            Files.writeString(file(topic), schema, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
