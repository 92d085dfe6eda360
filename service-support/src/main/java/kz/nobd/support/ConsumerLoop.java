package kz.nobd.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

/**
 * One consumer thread: poll, hand the whole batch to {@code handler} (one database transaction), then commit
 * the offsets. If the handler throws (database or broker down), the consumer seeks back to the batch's first
 * offsets and retries after a back-off: nothing is skipped. {@link #onStart} runs once subscribed, before the
 * first poll; {@link #onIdle} after every poll that returned nothing. Anything else that ends the thread (an
 * exception outside a batch, an Error such as OutOfMemoryError or StackOverflowError) is kept as its
 * {@link #failure()}, which the service's liveness check reports.
 */
public class ConsumerLoop implements Runnable {
    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final String name;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<String> topics;
    private final Consumer<List<ConsumerRecord<String, byte[]>>> handler;
    private volatile boolean running = true;
    private volatile boolean stopRequested;
    private volatile boolean ended;
    private volatile Throwable failure;
    private Consumer<KafkaConsumer<String, byte[]>> onStart = c -> { };
    private Runnable onIdle = () -> { };

    public ConsumerLoop(String name, Map<String, Object> props, List<String> topics,
            Consumer<List<ConsumerRecord<String, byte[]>>> handler) {
        this.name = name;
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
        this.topics = topics;
        this.handler = handler;
    }

    public ConsumerLoop onStart(Consumer<KafkaConsumer<String, byte[]>> action) {
        this.onStart = action;
        return this;
    }

    public ConsumerLoop onIdle(Runnable action) {
        this.onIdle = action;
        return this;
    }

    /** Starts the loop on a daemon thread of its own. */
    public ConsumerLoop startThread() {
        Thread thread = new Thread(this, name + "-consumer");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    @Override
    public void run() {
        Duration backoff = Duration.ofMillis(200);
        try {
            consumer.subscribe(topics);
            onStart.accept(consumer);
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(records.count());
                records.forEach(batch::add);
                try {
                    if (batch.isEmpty()) {
                        onIdle.run();
                        continue;
                    }
                    handler.accept(batch);
                    consumer.commitSync(nextOffsets(batch));
                    backoff = Duration.ofMillis(200);
                } catch (WakeupException e) {
                    throw e;
                } catch (RuntimeException e) {
                    LOG.warnf("%s: batch of %d records not processed (%s); retrying in %d ms", name, batch.size(),
                            e.getMessage(), backoff.toMillis());
                    rewind(batch);
                    sleep(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
                }
            }
        } catch (WakeupException e) {
            if (!stopRequested) {
                failure = e;
                LOG.errorf(e, "%s: the consumer thread was woken up without being stopped", name);
            }
        } catch (Throwable e) {
            failure = e; // first, while the memory may be gone; kept and logged, the thread then ends
            LOG.errorf(e, "%s: the consumer thread ended", name);
        } finally {
            if (!stopRequested && failure == null) {
                failure = new IllegalStateException("the consumer thread ended without being stopped");
            }
            ended = true;
            consumer.close(Duration.ofSeconds(5));
        }
    }

    public void stop() {
        stopRequested = true;
        running = false;
        if (!ended) {
            consumer.wakeup();
        }
    }

    public String name() {
        return name;
    }

    /** Whether the thread has ended (stopped, or failed). */
    public boolean ended() {
        return ended;
    }

    /** What ended the thread when nobody stopped it (an uncaught exception or Error); null while it runs. */
    public Throwable failure() {
        return failure;
    }

    private void rewind(List<ConsumerRecord<String, byte[]>> batch) {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : batch) {
            first.merge(new TopicPartition(r.topic(), r.partition()), r.offset(), Math::min);
        }
        first.forEach(consumer::seek);
    }

    public static Map<TopicPartition, OffsetAndMetadata> nextOffsets(List<ConsumerRecord<String, byte[]>> batch) {
        Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : batch) {
            offsets.merge(new TopicPartition(r.topic(), r.partition()), new OffsetAndMetadata(r.offset() + 1),
                    (a, b) -> a.offset() >= b.offset() ? a : b);
        }
        return offsets;
    }

    private void sleep(Duration backoff) {
        try {
            // a bounded back-off of the consumer thread after a failure, not a wait for a test outcome
            java.util.concurrent.locks.LockSupport.parkNanos(backoff.toNanos());
        } finally {
            if (Thread.interrupted()) {
                running = false;
            }
        }
    }
}
