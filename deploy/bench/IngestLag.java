import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Watches ingest's input topic from the outside: every half second prints "millis produced decided", where
 * produced = records appended to the topic since start-up and decided = records the consumer group committed
 * since start-up (ingest commits offsets only after the database commit). Exits once decided reaches N, or with
 * status 1 when it has not after MINUTES (default 30).
 * Usage: java -cp "kafka/libs/*" IngestLag.java CLIENT_PROPERTIES TOPIC GROUP N [MINUTES]
 *   (CLIENT_PROPERTIES: bootstrap servers and login, .cache/dev/kafka/clients/admin.properties)
 */
public class IngestLag {
    public static void main(String[] args) throws Exception {
        String topic = args[1];
        String group = args[2];
        long n = Long.parseLong(args[3]);
        Duration limit = Duration.ofMinutes(args.length > 4 ? Long.parseLong(args[4]) : 30);
        Properties props = new Properties();
        try (var in = java.nio.file.Files.newBufferedReader(java.nio.file.Path.of(args[0]))) {
            props.load(in);
        }
        try (Admin admin = Admin.create(props)) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                    .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            long produced0 = sum(ends(admin, partitions));
            long decided0 = sum(committed(admin, group, partitions));
            long start = System.currentTimeMillis();
            System.out.println("0 0 0");
            while (System.currentTimeMillis() - start < limit.toMillis()) {
                LockSupport.parkNanos(Duration.ofMillis(500).toNanos()); // the sampling interval
                long produced = sum(ends(admin, partitions)) - produced0;
                long decided = sum(committed(admin, group, partitions)) - decided0;
                System.out.println((System.currentTimeMillis() - start) + " " + produced + " " + decided);
                if (decided >= n) {
                    return;
                }
            }
        }
        System.err.println("decided fewer than " + n + " records within " + limit);
        System.exit(1);
    }

    private static Map<TopicPartition, Long> ends(Admin admin, List<TopicPartition> partitions) throws Exception {
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest())))
                .all().get().entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().offset()));
    }

    private static Map<TopicPartition, Long> committed(Admin admin, String group, List<TopicPartition> partitions)
            throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata().get();
        Map<TopicPartition, Long> committed = new HashMap<>();
        for (TopicPartition p : partitions) {
            OffsetAndMetadata o = offsets.get(p);
            committed.put(p, o == null ? 0L : o.offset());
        }
        return committed;
    }

    private static long sum(Map<TopicPartition, Long> offsets) {
        return offsets.values().stream().mapToLong(Long::longValue).sum();
    }
}
