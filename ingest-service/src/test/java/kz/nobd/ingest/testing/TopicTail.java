package kz.nobd.ingest.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import kz.nobd.testing.KafkaLogins;

/**
 * A plain read_committed consumer of one topic, assigned every partition and positioned at their ends when opened,
 * so a test sees only what is published after it started. Not thread-safe: poll from the test thread (Awaitility
 * with {@code pollInSameThread()}).
 */
public final class TopicTail implements AutoCloseable {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One record: key, raw value, and the value parsed as JSON (null when it is not JSON). */
    public record Message(String key, String value, JsonNode json, int partition, long offset) {
        public String text(String field) {
            return json == null || !json.hasNonNull(field) ? null : json.get(field).asText();
        }
    }

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<Message> received = new ArrayList<>();

    private TopicTail(String topic, boolean fromStart) {
        Properties props = KafkaLogins.of(KafkaLogins.ADMIN);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "ingest-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000);
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        if (fromStart) {
            consumer.seekToBeginning(partitions);
        } else {
            consumer.seekToEnd(partitions);
        }
        partitions.forEach(consumer::position); // resolve the offsets now, not lazily at the first poll
    }

    /** Sees what is published to {@code topic} from now on. */
    public static TopicTail fromNow(String topic) {
        return new TopicTail(topic, false);
    }

    /** Sees everything {@code topic} still holds, from offset 0 (or the earliest retained) of every partition. */
    public static TopicTail fromStart(String topic) {
        return new TopicTail(topic, true);
    }

    /** Fetches whatever arrived since the last call. */
    public TopicTail poll() {
        for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(300))) {
            String value = r.value() == null ? null : new String(r.value(), java.nio.charset.StandardCharsets.UTF_8);
            received.add(new Message(r.key(), value, parse(value), r.partition(), r.offset()));
        }
        return this;
    }

    /** Every record up to the current end of each partition, as Kafka delivers them (for handing to a processor). */
    public List<ConsumerRecord<String, byte[]>> drainRaw() {
        Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
        List<ConsumerRecord<String, byte[]>> all = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (end.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("could not read up to " + end);
            }
            consumer.poll(Duration.ofMillis(500)).forEach(all::add);
        }
        return all;
    }

    public List<Message> all() {
        return List.copyOf(received);
    }

    public List<Message> where(Predicate<Message> filter) {
        return received.stream().filter(filter).toList();
    }

    /** Messages whose JSON has {@code field} equal to {@code value}. */
    public List<Message> where(String field, String value) {
        return where(m -> value.equals(m.text(field)));
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }

    private static JsonNode parse(String value) {
        try {
            return value == null ? null : MAPPER.readTree(value);
        } catch (java.io.IOException e) {
            return null;
        }
    }
}
