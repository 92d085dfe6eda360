package kz.nobd.report.testing;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

import kz.nobd.contracts.Topics;
import kz.nobd.contracts.events.ReturnStatusChange;
import kz.nobd.contracts.events.TopicCodec;
import kz.nobd.testing.KafkaLogins;

/**
 * A plain read_committed consumer of {@code signoff.returns.v1} logged in as the test instance's admin (the only
 * reader the topic's ACL allows besides report-service), assigned every partition at its end when opened: a test
 * sees what is published after it started, in arrival order (per BIN, the key, that is offset order). Not
 * thread-safe: poll from the test thread (Awaitility with {@code pollInSameThread()}).
 */
public final class SignoffTopic implements AutoCloseable {
    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> received = new ArrayList<>();

    private SignoffTopic() {
        Properties props = KafkaLogins.of(KafkaLogins.ADMIN);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "report-test-" + UUID.randomUUID());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(Topics.SIGNOFF_RETURNS, Duration.ofSeconds(10))
                .stream().map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position); // resolve the end offsets now, not lazily at the first poll
    }

    /** A consumer that will see what is published from now on. */
    public static SignoffTopic fromNow() {
        return new SignoffTopic();
    }

    /** Fetches whatever arrived since the last call. */
    public SignoffTopic poll() {
        consumer.poll(Duration.ofMillis(300)).forEach(received::add);
        return this;
    }

    /** The changes received for the return of {@code bin} in {@code period} (key the BIN), decoded, in offset order. */
    public List<ReturnStatusChange> changes(String period, String bin) {
        return received.stream().filter(r -> bin.equals(r.key()))
                .map(r -> TopicCodec.SIGNOFF_RETURNS.decode(r.value()))
                .filter(c -> c.periodId().toString().equals(period)).toList();
    }

    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(5));
    }
}
