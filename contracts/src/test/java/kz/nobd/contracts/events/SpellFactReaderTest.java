package kz.nobd.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import kz.nobd.contracts.Language;

/** The streaming reader against the codec: the same record for what the codec reads, a refusal where it refuses. */
class SpellFactReaderTest {
    private static final TopicCodec<SpellFact> CODEC = TopicCodec.FACTS_ENROLMENT;

    @Test
    void readsWhatTheCodecWritesAsTheCodecReadsIt() {
        Random random = new Random(14);
        List<SpellFact> facts = IntStream.range(0, 2_000).mapToObj(i -> randomFact(random)).toList();
        for (SpellFact fact : facts) {
            byte[] bytes = CODEC.encode(fact);
            assertThat(SpellFactReader.read(bytes)).isEqualTo(fact).isEqualTo(CODEC.decode(bytes));
        }
    }

    @Test
    void readsTheWireSample() {
        WireSamples.all().stream().filter(s -> s.codec() == CODEC).forEach(sample -> {
            byte[] bytes = sample.json().getBytes(StandardCharsets.UTF_8);
            assertThat(SpellFactReader.read(bytes)).isEqualTo(sample.record()).isEqualTo(CODEC.decode(bytes));
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {
        // fields in another order, unknown fields of every shape (skipped), whitespace
        "{ \"change\":\"CLOSED\", \"x\":{\"a\":[1,{\"b\":null}]}, \"validTo\":\"2025-05-25\", \"language\":\"KK\","
                + " \"validFrom\":\"2024-09-01\", \"birthYear\":2012, \"sex\":\"F\", \"grade\":7, \"y\":[],"
                + " \"schoolBin\":\"123456789012\", \"spellId\":\"0b6f3c1e-4a51-4b8e-9d0e-5b8f1f5a2c11\", \"z\":true }",
        // missing fields: null, 0 for the numbers
        "{\"spellId\":\"0b6f3c1e-4a51-4b8e-9d0e-5b8f1f5a2c11\"}",
        "{}",
        // explicit nulls
        "{\"spellId\":null,\"schoolBin\":null,\"grade\":null,\"sex\":null,\"birthYear\":null,\"language\":null,"
                + "\"validFrom\":null,\"validTo\":null,\"change\":null}",
        // a number written as a string (the codec coerces it)
        "{\"spellId\":\"0b6f3c1e-4a51-4b8e-9d0e-5b8f1f5a2c11\",\"grade\":\"5\",\"birthYear\":\"2015\"}",
        // shapes the fast path leaves to the codec: another date shape, a number as a string, a BIN as a number,
        // an enum by its index, JSON null, trailing content
        "{\"validFrom\":\"2024-09-01T00:00:00\"}", "{\"grade\":\"7\"}", "{\"schoolBin\":123456789012}",
        "{\"sex\":1}", "null", "{\"grade\":1} {\"grade\":2}"
    })
    void agreesWithTheCodecOnUnusualValues(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        SpellFact codecs;
        try {
            codecs = CODEC.decode(bytes);
        } catch (UncheckedIOException refused) {
            assertThatThrownBy(() -> SpellFactReader.read(bytes)).hasMessage(refused.getMessage());
            return;
        }
        assertThat(SpellFactReader.read(bytes)).isEqualTo(codecs);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "not json", "[]", "42", "{\"grade\":", "{\"spellId\":\"not-a-uuid\"}", "{\"sex\":\"X\"}",
        "{\"language\":\"XX\"}", "{\"change\":\"MOVED\"}", "{\"validFrom\":\"2024-13-01\"}",
        "{\"validFrom\":\"2024-02-30\"}", "{\"validTo\":\"yesterday\"}", "{\"validFrom\":\"+2024-09-01\"}", "{\"grade\":true}", "{\"grade\":[5]}",
        "{\"sex\":{\"M\":1}}", "{\"grade\":\"five\"}",
        "{\"spellId\":\"1-1-1-1-1\"}", "{\"grade\":12345678901234}"
    })
    void refusesWhatTheCodecRefuses(String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> CODEC.decode(bytes)).as("the codec refuses it").isInstanceOf(UncheckedIOException.class);
        assertThatThrownBy(() -> SpellFactReader.read(bytes)).isInstanceOf(UncheckedIOException.class)
                .hasMessageStartingWith("not a SpellFact of facts.enrolment.v1");
    }

    private static SpellFact randomFact(Random random) {
        LocalDate from = LocalDate.of(2020, 9, 1).plusDays(random.nextInt(2_000));
        LocalDate to = random.nextInt(3) == 0 ? null : from.plusDays(random.nextInt(400));
        return new SpellFact(new UUID(random.nextLong(), random.nextLong()),
                String.format("%012d", Math.abs(random.nextLong() % 1_000_000_000_000L)), random.nextInt(13),
                Sex.values()[random.nextInt(2)], 2005 + random.nextInt(15),
                Language.values()[random.nextInt(Language.values().length)], from, to,
                SpellChange.values()[random.nextInt(SpellChange.values().length)]);
    }
}
