package kz.nobd.registry.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import com.fasterxml.jackson.databind.JsonNode;

import kz.nobd.contracts.InstitutionCard;
import kz.nobd.testing.KafkaLogins;

/**
 * A plain read_committed consumer of {@code registry.institutions.v1}, positioned at the end of every partition
 * when opened, so a test sees only what is published after it started. Records are kept in arrival order; the
 * records of one key share a partition, so per key that is offset order. Not thread-safe: poll from one thread
 * at a time (Awaitility with {@code pollInSameThread()}).
 */
public final class RegistryTopic implements AutoCloseable {
    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> received = new ArrayList<>();

    private RegistryTopic() {
        Properties props = KafkaLogins.of(KafkaLogins.ADMIN);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "registry-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 2_000);
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(InstitutionCard.TOPIC, Duration.ofSeconds(10))
                .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, not lazily at the first poll
    }

    /** A consumer that will see what is published from now on. */
    public static RegistryTopic fromNow() {
        return new RegistryTopic();
    }

    /** Fetches whatever arrived since the last call. */
    public RegistryTopic poll() {
        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(300))) {
            received.add(record);
        }
        return this;
    }

    /** Every card received for {@code bin}, duplicates included, in offset order. */
    public List<JsonNode> cards(String bin) {
        return received.stream().filter(r -> bin.equals(r.key())).map(r -> Json.tree(r.value())).toList();
    }

    /** The {@code version} of every card received for {@code bin}, duplicates included, in offset order. */
    public List<Long> versions(String bin) {
        return cards(bin).stream().map(c -> c.get("version").asLong()).toList();
    }

    /** The versions a consumer that ignores a card not newer than the one it holds would apply, in order. */
    public List<Long> appliedVersions(String bin) {
        List<Long> applied = new ArrayList<>();
        for (long version : versions(bin)) {
            if (applied.isEmpty() || version > applied.get(applied.size() - 1)) {
                applied.add(version);
            }
        }
        return applied;
    }

    /** Distinct versions of {@code bin} in the order they first arrived. */
    public List<Long> distinctVersions(String bin) {
        return List.copyOf(new LinkedHashSet<>(versions(bin)));
    }

    /** How many records arrived for any of {@code bins}. */
    public long countFor(Collection<String> bins) {
        Set<String> keys = Set.copyOf(bins);
        return received.stream().filter(r -> keys.contains(r.key())).count();
    }

    /** How many of {@code bins} have at least one record. */
    public long distinctKeysOf(Collection<String> bins) {
        Set<String> keys = Set.copyOf(bins);
        return received.stream().map(ConsumerRecord::key).filter(keys::contains).distinct().count();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
