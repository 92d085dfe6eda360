package kz.nobd.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import kz.nobd.testing.KafkaLogins;

/**
 * {@link ConsumerLoop#assigned}: on the test instance's real Kafka (deploy/local/nobd test), a loop without a
 * consumer group reads every partition of its topic, hands each record over exactly once (nothing is committed to
 * Kafka, so no commit can fail and replay a batch), leaves the next offsets to the handler, and a new loop over the
 * same store resumes at the stored offsets (the beginning of a partition without one).
 */
class AssignedConsumerLoopTest {
    static final Map<String, Object> ADMIN = ConsumerLoopTest.settingsOf(KafkaLogins.ADMIN);
    static final String TOPIC = "test.assigned-loop." + UUID.randomUUID();
    static final TopicPartition P0 = new TopicPartition(TOPIC, 0), P1 = new TopicPartition(TOPIC, 1);
    static Admin admin;
    static KafkaProducer<String, String> producer;

    /** The handler's "database": the values it applied and the next offsets stored with them. */
    final List<String> applied = new CopyOnWriteArrayList<>();
    final Map<TopicPartition, Long> offsets = new ConcurrentHashMap<>();

    @BeforeAll
    static void topic() throws Exception {
        admin = Admin.create(ADMIN);
        admin.createTopics(List.of(new NewTopic(TOPIC, 2, (short) 1))).all().get();
        producer = new KafkaProducer<>(ADMIN, new StringSerializer(), new StringSerializer());
    }

    @AfterAll
    static void cleanUp() throws Exception {
        producer.close();
        admin.deleteTopics(List.of(TOPIC)).all().get();
        admin.close();
    }

    @Test
    void readsEveryPartitionWithoutAGroupAndResumesAtTheStoredOffsets() throws Exception {
        publish("a", 0, 3);
        publish("b", 1, 2);
        ConsumerLoop first = loop().startThread();
        await().atMost(Duration.ofSeconds(30)).until(() -> offsets.equals(Map.of(P0, 3L, P1, 2L)));
        first.stop();
        assertThat(applied).containsExactlyInAnyOrder("a0", "a1", "a2", "b0", "b1");

        publish("c", 0, 2);
        publish("d", 1, 1);
        applied.clear();
        ConsumerLoop second = loop().startThread();
        await().atMost(Duration.ofSeconds(30)).until(() -> offsets.equals(Map.of(P0, 5L, P1, 3L)));
        second.stop();
        assertThat(applied).as("a restarted loop reads only what its store does not cover")
                .containsExactlyInAnyOrder("c0", "c1", "d0");
    }

    @Test
    void aPartitionWithoutAStoredOffsetIsReadFromItsBeginning() throws Exception {
        String topic = "test.assigned-loop." + UUID.randomUUID();
        admin.createTopics(List.of(new NewTopic(topic, 2, (short) 1))).all().get();
        try {
            for (int i = 0; i < 4; i++) {
                producer.send(new ProducerRecord<>(topic, i % 2, "k", "e" + i)).get();
            }
            offsets.put(new TopicPartition(topic, 0), 1L); // e0 covered by the store, e2 not
            ConsumerLoop loop = new ConsumerLoop("test", settings(), List.of(topic), this::apply)
                    .assigned(partitions -> Map.copyOf(offsets)).startThread();
            await().atMost(Duration.ofSeconds(30)).until(() -> offsets.equals(Map.of(new TopicPartition(topic, 0), 2L,
                    new TopicPartition(topic, 1), 2L)));
            loop.stop();
            assertThat(applied).containsExactlyInAnyOrder("e1", "e2", "e3");
        } finally {
            admin.deleteTopics(List.of(topic)).all().get();
        }
    }

    @Test
    void theSettingsOfAnAssignedLoopNameNoGroup() {
        assertThat(new KafkaClients(ADMIN).consumer(null, 10)).doesNotContainKey(ConsumerConfig.GROUP_ID_CONFIG);
        assertThat(new KafkaClients(ADMIN).consumer("g", 10)).containsEntry(ConsumerConfig.GROUP_ID_CONFIG, "g");
    }

    private ConsumerLoop loop() {
        return new ConsumerLoop("test", settings(), List.of(TOPIC), this::apply).assigned(partitions -> {
            assertThat(partitions).containsExactlyInAnyOrder(P0, P1);
            return Map.copyOf(offsets);
        });
    }

    private static Map<String, Object> settings() {
        return new KafkaClients(ADMIN).consumer(null, 2); // small polls: several batches
    }

    /** As a service's handler does in one transaction: the batch's state, then its next offsets. */
    private void apply(List<ConsumerRecord<String, byte[]>> batch) {
        batch.forEach(r -> applied.add(new String(r.value(), StandardCharsets.UTF_8)));
        ConsumerLoop.nextOffsets(batch).forEach((tp, next) -> offsets.put(tp, next.offset()));
    }

    private static void publish(String prefix, int partition, int count) throws Exception {
        for (int i = 0; i < count; i++) {
            producer.send(new ProducerRecord<>(TOPIC, partition, "k", prefix + i)).get();
        }
    }
}
