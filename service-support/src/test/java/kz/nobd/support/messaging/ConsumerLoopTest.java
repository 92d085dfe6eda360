package kz.nobd.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import kz.nobd.testing.KafkaLogins;

/**
 * A consumer loop on the test instance's Kafka (deploy/local/nobd test): a handler that throws an Error ends the
 * thread and the loop reports the failure (what liveness reads); a RuntimeException is retried and the loop keeps
 * running; a loop that was stopped has no failure.
 */
class ConsumerLoopTest {
    static final Map<String, Object> ADMIN = settingsOf(KafkaLogins.ADMIN);
    static final String TOPIC = "test.consumer-loop." + UUID.randomUUID();
    static Admin admin;

    @BeforeAll
    static void topic() throws Exception {
        admin = Admin.create(ADMIN);
        admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(ADMIN,
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(TOPIC, "k", new byte[] {1})).get();
        }
    }

    @AfterAll
    static void drop() throws Exception {
        admin.deleteTopics(List.of(TOPIC)).all().get();
        admin.close();
    }

    static ConsumerLoop loop(Consumer<List<ConsumerRecord<String, byte[]>>> handler) {
        return new ConsumerLoop("test-" + UUID.randomUUID(),
                new KafkaClients(ADMIN).consumer("test-" + UUID.randomUUID(), 10), List.of(TOPIC), handler);
    }

    @Test
    void anErrorInTheHandlerEndsTheThreadAndIsReportedAsItsFailure() {
        ConsumerLoop loop = loop(batch -> {
            throw new StackOverflowError("thrown by the test's handler");
        }).startThread();
        await().atMost(Duration.ofSeconds(30)).until(loop::ended);
        assertThat(loop.failure()).isInstanceOf(StackOverflowError.class).hasMessage("thrown by the test's handler");
        assertThat(BackgroundWork.liveness(List.of(loop), List.of()).getStatus().name()).isEqualTo("DOWN");
        assertThat(BackgroundWork.liveness(List.of(loop), List.of()).getData().orElseThrow())
                .containsEntry(loop.name(), "failed: java.lang.StackOverflowError: thrown by the test's handler");
    }

    @Test
    void aRuntimeExceptionIsRetriedAndTheLoopKeepsRunning() {
        AtomicInteger calls = new AtomicInteger();
        ConsumerLoop loop = loop(batch -> {
            calls.incrementAndGet();
            throw new IllegalStateException("the database is down (test)");
        }).startThread();
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> calls.get() >= 2); // the same batch again
            assertThat(loop.ended()).isFalse();
            assertThat(loop.failure()).isNull();
            assertThat(BackgroundWork.liveness(List.of(loop), List.of()).getStatus().name()).isEqualTo("UP");
        } finally {
            loop.stop();
        }
        await().atMost(Duration.ofSeconds(30)).until(loop::ended);
        assertThat(loop.failure()).as("a stopped loop did not fail").isNull();
    }

    /** A test-instance login as client settings (deploy/local/nobd test writes them). */
    static Map<String, Object> settingsOf(String user) {
        Map<String, Object> settings = new java.util.HashMap<>();
        KafkaLogins.of(user).forEach((k, v) -> settings.put((String) k, v));
        return settings;
    }
}
