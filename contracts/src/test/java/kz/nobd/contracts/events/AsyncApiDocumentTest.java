package kz.nobd.contracts.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import kz.nobd.contracts.Topics;

/**
 * docs/asyncapi.yaml describes exactly the topics of {@link Topics}: one channel each, whose message payload is the
 * topic's generated schema file (docs/schemas), with the partitions and retention of deploy/local/topics.txt, a
 * described key, a producer and (but for ingest.rejected.v1) a consumer.
 */
class AsyncApiDocumentTest {
    static final Path ROOT = Path.of(System.getProperty("basedir", "."), "..").normalize();
    static JsonNode doc;

    @BeforeAll
    static void read() throws IOException {
        doc = new ObjectMapper(new YAMLFactory()).readTree(ROOT.resolve("docs/asyncapi.yaml").toFile());
    }

    @Test
    void isAnAsyncApi3Document() {
        assertThat(doc.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(doc.path("info").path("title").asText()).isNotBlank();
    }

    @Test
    void everyTopicHasExactlyOneChannelAndEveryChannelIsATopic() {
        List<String> addresses = new ArrayList<>();
        doc.path("channels").forEach(channel -> addresses.add(channel.path("address").asText()));
        assertThat(addresses).containsExactlyInAnyOrderElementsOf(topics());
    }

    @Test
    void everyChannelsMessageCarriesTheSchemaFileOfItsTopicAndAKey() {
        doc.path("channels").fields().forEachRemaining(entry -> {
            JsonNode channel = entry.getValue();
            String topic = channel.path("address").asText();
            assertThat(channel.path("messages").size()).as(topic).isEqualTo(1);
            JsonNode message = resolve(channel.path("messages").elements().next());
            assertThat(message.path("payload").path("$ref").asText()).as(topic)
                    .isEqualTo("schemas/" + topic + ".schema.json");
            assertThat(ROOT.resolve("docs").resolve(message.path("payload").path("$ref").asText())).as(topic)
                    .isEqualTo(TopicSchemas.file(topic)).isRegularFile();
            assertThat(message.path("name").asText()).as(topic).isEqualTo(TopicCodec.of(topic).type().getSimpleName());
            assertThat(message.path("bindings").path("kafka").path("key").path("description").asText()).as(topic)
                    .isNotBlank();
        });
    }

    @Test
    void partitionsAndRetentionAreThoseOfTopicsTxt() throws IOException {
        Map<String, long[]> declared = new LinkedHashMap<>();
        for (String line : Files.readAllLines(ROOT.resolve("deploy/local/topics.txt"))) {
            String[] f = line.replaceFirst("#.*", "").trim().split("\\s+");
            if (f.length == 3) {
                declared.put(f[0], new long[] {Long.parseLong(f[1]), Long.parseLong(f[2])});
            }
        }
        assertThat(declared.keySet()).containsExactlyInAnyOrderElementsOf(topics());
        doc.path("channels").forEach(channel -> {
            String topic = channel.path("address").asText();
            JsonNode kafka = channel.path("bindings").path("kafka");
            assertThat(kafka.path("topic").asText()).isEqualTo(topic);
            assertThat(kafka.path("partitions").asLong()).as(topic + " partitions").isEqualTo(declared.get(topic)[0]);
            JsonNode config = kafka.path("topicConfiguration");
            assertThat(config.path("retention.ms").asLong()).as(topic + " retention.ms").isEqualTo(declared.get(topic)[1]);
            // CreateTopics creates every topic with cleanup.policy=delete
            assertThat(config.path("cleanup.policy").toString()).as(topic).isEqualTo("[\"delete\"]");
        });
    }

    @Test
    void everyTopicHasAProducerAndTheFactsAndInputsAConsumer() {
        Map<String, List<String>> senders = new LinkedHashMap<>();
        Map<String, List<String>> receivers = new LinkedHashMap<>();
        doc.path("operations").forEach(operation -> {
            String topic = resolve(operation.path("channel")).path("address").asText();
            String service = operation.path("x-service").asText();
            assertThat(service).as("x-service of an operation on " + topic).isNotBlank();
            (operation.path("action").asText().equals("send") ? senders : receivers)
                    .computeIfAbsent(topic, t -> new ArrayList<>()).add(service);
            operation.path("messages").forEach(m -> assertThat(resolve(m).path("payload").path("$ref").asText())
                    .isEqualTo("schemas/" + topic + ".schema.json"));
        });
        assertThat(senders.keySet()).containsExactlyInAnyOrderElementsOf(topics());
        assertThat(receivers.keySet()).containsExactlyInAnyOrderElementsOf(
                topics().stream().filter(t -> !t.equals(Topics.INGEST_REJECTED)).toList());
        assertThat(senders.get(Topics.REGISTRY_INSTITUTIONS)).containsExactly("registry-service");
        assertThat(receivers.get(Topics.REGISTRY_INSTITUTIONS)).containsExactlyInAnyOrder("ingest-service",
                "report-service");
        assertThat(receivers.get(Topics.FACTS_ENROLMENT)).containsExactly("report-service");
        assertThat(senders.get(Topics.SIGNOFF_RETURNS)).containsExactly("report-service");
    }

    /** Follows local references ({@code #/a/b/c}) until a node that is not one. */
    private static JsonNode resolve(JsonNode node) {
        while (node.has("$ref") && node.path("$ref").asText().startsWith("#/")) {
            JsonNode target = doc;
            for (String part : node.path("$ref").asText().substring(2).split("/")) {
                target = target.path(part.replace("~1", "/").replace("~0", "~"));
            }
            assertThat(target.isMissingNode()).as("reference " + node.path("$ref").asText()).isFalse();
            node = target;
        }
        return node;
    }

    private static List<String> topics() {
        return Arrays.stream(Topics.class.getFields()).filter(f -> Modifier.isStatic(f.getModifiers())).map(f -> {
            try {
                return (String) f.get(null);
            } catch (IllegalAccessException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }
}
