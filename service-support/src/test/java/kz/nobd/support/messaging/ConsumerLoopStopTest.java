package kz.nobd.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import kz.nobd.testing.KafkaLogins;

/**
 * {@link ConsumerLoop#stop} on the test stack's Kafka: a batch in hand is finished and its offsets committed, a
 * back-off ends at once, and the lag gauge follows the loop.
 */
class ConsumerLoopStopTest {
    private static final Map<String, Object> ADMIN = ConsumerLoopTest.settingsOf(KafkaLogins.ADMIN);
    private static final SimpleMeterRegistry METERS = new SimpleMeterRegistry();
    private static Admin admin;

    private final List<String> topics = new ArrayList<>();
    private final List<ConsumerLoop> loops = new ArrayList<>();

    @BeforeAll
    static void connect() {
        admin = Admin.create(ADMIN);
        Metrics.globalRegistry.add(METERS);
    }

    @AfterAll
    static void disconnect() {
        Metrics.globalRegistry.remove(METERS);
        admin.close();
    }

    @AfterEach
    void cleanUp() throws Exception {
        for (ConsumerLoop loop : loops) {
            loop.stop();
            loop.awaitStop(Duration.ofSeconds(10));
        }
        admin.deleteTopics(topics).all().get(30, TimeUnit.SECONDS);
    }

    @Test
    void aBatchInHandWhenStopIsCalledIsFinishedAndItsOffsetsCommitted() throws Exception {
        String topic = topicWith(2, 10);
        String group = "stop-test-" + UUID.randomUUID();
        List<ConsumerRecord<String, byte[]>> handled = new CopyOnWriteArrayList<>();
        CountDownLatch inBatch = new CountDownLatch(1);
        CountDownLatch finishBatch = new CountDownLatch(1);
        ConsumerLoop loop = start(new ConsumerLoop("stop-test", new KafkaClients(ADMIN).consumer(group, 1000),
                List.of(topic), batch -> {
                    handled.addAll(batch);
                    inBatch.countDown();
                    awaitQuietly(finishBatch); // the database transaction of the batch, still running
                }));
        await().atMost(Duration.ofSeconds(30)).until(() -> inBatch.getCount() == 0);

        loop.stop();
        finishBatch.countDown();

        assertThat(loop.awaitStop(Duration.ofSeconds(20))).as("the loop ends once its batch is done").isTrue();
        assertThat(handled).isNotEmpty();
        assertThat(committed(group)).as("the stored batch's offsets, committed before the loop closed")
                .isEqualTo(ConsumerLoop.nextOffsets(handled));
    }

    @Test
    void stopEndsABackOffAtOnceAndCommitsNothingOfTheFailedBatch() throws Exception {
        String topic = topicWith(1, 3);
        String group = "stop-test-" + UUID.randomUUID();
        AtomicInteger attempts = new AtomicInteger();
        ConsumerLoop loop = start(new ConsumerLoop("backoff-test", new KafkaClients(ADMIN).consumer(group, 1000),
                List.of(topic), batch -> {
                    attempts.incrementAndGet();
                    throw new IllegalStateException("database down");
                }));
        // after the fifth failure the loop backs off 3.2 s
        await().atMost(Duration.ofSeconds(30)).until(() -> attempts.get() >= 5);

        loop.stop();

        assertThat(loop.awaitStop(Duration.ofSeconds(2))).as("the back-off does not delay the stop").isTrue();
        assertThat(committed(group)).as("a batch that failed is not committed").isEmpty();
    }

    @Test
    void theLagGaugeShowsTheRecordsNotYetReadPerGroupAndPartition() throws Exception {
        String topic = topicWith(1, 5);
        String group = "lag-test-" + UUID.randomUUID();
        CountDownLatch firstBatchMayEnd = new CountDownLatch(1);
        ConsumerLoop loop = start(new ConsumerLoop("lag-test", new KafkaClients(ADMIN).consumer(group, 1),
                List.of(topic), batch -> awaitQuietly(firstBatchMayEnd)));

        await().atMost(Duration.ofSeconds(30)).until(() -> lag(group, topic) == 4.0);
        firstBatchMayEnd.countDown();
        await().atMost(Duration.ofSeconds(30)).until(() -> lag(group, topic) == 0.0);

        loop.stop();
        assertThat(loop.awaitStop(Duration.ofSeconds(10))).isTrue();
        assertThat(lag(group, topic)).as("a stopped loop holds no partition").isNaN();
    }

    private ConsumerLoop start(ConsumerLoop loop) {
        loops.add(loop);
        return loop.startThread();
    }

    /** A new topic with {@code perPartition} records in each partition. */
    private String topicWith(int partitions, int perPartition) throws Exception {
        String topic = "nobd-test-loop-" + UUID.randomUUID();
        admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1))).all().get(30, TimeUnit.SECONDS);
        topics.add(topic);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(
                ADMIN, new StringSerializer(), new StringSerializer())) {
            for (int p = 0; p < partitions; p++) {
                for (int i = 0; i < perPartition; i++) {
                    producer.send(new ProducerRecord<>(topic, p, "key-" + i, "value-" + i)).get(30, TimeUnit.SECONDS);
                }
            }
        }
        return topic;
    }

    private static Map<TopicPartition, OffsetAndMetadata> committed(String group)
            throws InterruptedException, ExecutionException {
        return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
    }

    private static double lag(String group, String topic) {
        Gauge gauge = METERS.find(ConsumerLag.GAUGE).tag("group", group).tag("topic", topic).tag("partition", "0")
                .gauge();
        return gauge == null ? -1 : gauge.value();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            if (!latch.await(60, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the test never released the batch");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
