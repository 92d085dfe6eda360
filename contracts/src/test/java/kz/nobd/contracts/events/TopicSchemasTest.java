package kz.nobd.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;

/**
 * docs/schemas holds, for every topic, the schema generated from its record, and every wire sample is valid against
 * it. After changing a record: {@code ./mvnw -o test -pl contracts -Dtest=TopicSchemasTest -Dcontracts.writeSchemas=true}
 * rewrites the files (review the diff: a removed or retyped field breaks readers).
 */
class TopicSchemasTest {
    static final boolean WRITE = Boolean.getBoolean("contracts.writeSchemas");

    static List<TopicCodec<?>> codecs() {
        return TopicCodec.ALL;
    }

    @ParameterizedTest
    @MethodSource("codecs")
    void theCheckedInSchemaIsTheOneGeneratedFromTheRecord(TopicCodec<?> codec) {
        String generated = TopicSchemas.generate(codec);
        if (WRITE) {
            TopicSchemas.write(codec.topic(), generated);
        }
        assertThat(TopicSchemas.stored(codec.topic()))
                .as("%s differs from the schema generated from %s; regenerate with ./mvnw -o test -pl contracts"
                        + " -Dtest=TopicSchemasTest -Dcontracts.writeSchemas=true and commit it",
                        TopicSchemas.file(codec.topic()), codec.type().getSimpleName())
                .isEqualTo(generated);
    }

    @ParameterizedTest
    @MethodSource("kz.nobd.contracts.events.WireSamples#all")
    void everyWireSampleIsValidAgainstItsTopicsSchema(WireSamples.Sample<?> sample) {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(TopicSchemas.generate(sample.codec()), InputFormat.JSON);
        List<Error> errors = schema.validate(sample.json(), InputFormat.JSON);
        assertThat(errors).as(sample.name()).isEmpty();
    }

    @Test
    void aValueMissingARequiredFieldOrOfTheWrongTypeIsInvalid() {
        Schema schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(TopicSchemas.generate(TopicCodec.FACTS_ENROLMENT), InputFormat.JSON);
        assertThat(schema.validate("{\"spellId\":\"5b1f0f7e-6a59-4c1e-9a39-3f0f8f4a2d11\",\"grade\":\"five\"}",
                InputFormat.JSON)).extracting(Error::toString).anySatisfy(m -> assertThat(m).contains("schoolBin"))
                .anySatisfy(m -> assertThat(m).contains("grade"));
        assertThat(schema.validate(WireSamples.text("facts.enrolment.v1.open").replace("\"M\"", "\"X\""),
                InputFormat.JSON)).isNotEmpty();
    }
}
