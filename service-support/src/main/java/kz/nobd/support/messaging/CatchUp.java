package kz.nobd.support.messaging;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Whether a consumer has read its topics up to the end offsets they had when the service started: what the
 * readiness check waits for, so that the service never answers from a view behind what was already published.
 * Used by the consumers that keep a view (report's registry and fact consumers, ingest's registry view).
 */
public class CatchUp {
    private final Map<TopicPartition, Long> target = new ConcurrentHashMap<>();
    private final Map<TopicPartition, Long> position = new ConcurrentHashMap<>();
    private volatile boolean started;

    /**
     * On the consumer's thread, once it is assigned its partitions and has sought to its stored offsets, before the
     * first poll: the end offsets to reach, and where it starts.
     */
    public void recordTarget(KafkaConsumer<String, byte[]> consumer) {
        Set<TopicPartition> partitions = consumer.assignment();
        Map<TopicPartition, Long> positions = new HashMap<>();
        partitions.forEach(tp -> positions.put(tp, consumer.position(tp)));
        recordTarget(consumer.endOffsets(partitions), positions);
    }

    /** The end offsets to reach and the positions the consumer starts from (what the overload above reads). */
    public void recordTarget(Map<TopicPartition, Long> endOffsets, Map<TopicPartition, Long> positions) {
        target.putAll(endOffsets);
        position.putAll(positions);
        started = true;
    }

    /** After a batch is committed; true if this batch completed the catch-up. */
    public boolean advance(List<ConsumerRecord<String, byte[]>> records) {
        boolean before = caughtUp();
        records.forEach(r -> position.merge(new TopicPartition(r.topic(), r.partition()), r.offset() + 1, Math::max));
        return !before && caughtUp();
    }

    /** Milliseconds since the JVM started: start-up phases are logged with it. */
    public static long uptime() {
        return java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
    }

    public boolean caughtUp() {
        return started && target.entrySet().stream()
                .allMatch(e -> position.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }

    public Map<TopicPartition, Long> target() {
        return Map.copyOf(target);
    }
}
