package kz.nobd.support.messaging;

import java.util.HashSet;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;

/**
 * The gauge {@code nobd_consumer_lag_records{group, topic, partition}} of a {@link ConsumerLoop}: the records between
 * a partition's end (its last stable offset: the loops read committed data only) and the loop's position, as the
 * consumer knew them at its last poll. A partition the loop no longer holds shows NaN until a loop of this JVM
 * takes it again. Registered in Micrometer's global registry, which Quarkus joins its Prometheus registry to.
 */
final class ConsumerLag {
    static final String GAUGE = "nobd_consumer_lag_records";

    /** One gauge per group and partition, shared by the loops of one group in this JVM (partitions move between them). */
    private static final Map<Key, Value> VALUES = new ConcurrentHashMap<>();

    private record Key(String group, TopicPartition partition) {
    }

    private static final class Value {
        volatile double records = Double.NaN;
        volatile ConsumerLag holder;
    }

    private final String group;
    private final Set<TopicPartition> held = new HashSet<>();

    ConsumerLag(String group) {
        this.group = group;
    }

    /** On the loop's thread, after a poll: the lag of every partition assigned to it, from what the fetches brought back. */
    void update(Consumer<?, ?> consumer) {
        Set<TopicPartition> assigned = consumer.assignment();
        for (TopicPartition partition : assigned) {
            OptionalLong lag = consumer.currentLag(partition);
            if (lag.isPresent()) {
                Value value = VALUES.computeIfAbsent(new Key(group, partition), key -> new Value());
                value.holder = this;
                value.records = lag.getAsLong();
                if (held.add(partition)) {
                    register(partition, value);
                }
            }
        }
        held.removeIf(partition -> !assigned.contains(partition) && release(partition));
    }

    /** The loop stops: its partitions show NaN (unless another loop of the group took them meanwhile). */
    void releaseAll() {
        held.removeIf(this::release);
    }

    private boolean release(TopicPartition partition) {
        Value value = VALUES.get(new Key(group, partition));
        if (value != null && value.holder == this) {
            value.holder = null;
            value.records = Double.NaN;
        }
        return true;
    }

    /**
     * Registers the partition's gauge unless it exists (then this returns the existing one, reading the same value);
     * done again whenever a loop takes a partition, since Quarkus removes every meter when a test or dev application
     * restarts in the same JVM.
     */
    private void register(TopicPartition partition, Value value) {
        Gauge.builder(GAUGE, value, v -> v.records).strongReference(true)
                .description("records of the partition not yet read by the consumer group (end offset minus position)")
                .tag("group", group).tag("topic", partition.topic())
                .tag("partition", Integer.toString(partition.partition())).register(Metrics.globalRegistry);
    }
}
