package kz.nobd.support;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
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
 * <p>
 * Two modes. Subscribe (the default): the consumer group shares the partitions among its members and the offsets
 * are committed to the group after the handler returned. Assign ({@link #assigned}): every partition of the topics
 * is read by this consumer alone, without a group; the handler stores the next offsets itself, in the transaction
 * of the state they cover ({@link #nextOffsets}), and at start the consumer seeks to what {@link StoredOffsets}
 * returns (the beginning of a partition it has nothing for). Nothing is committed to Kafka then.
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
    private StoredOffsets stored;

    /** Where a consumer in assign mode resumes: the next offset of each partition, stored with its state. */
    @FunctionalInterface
    public interface StoredOffsets {
        /** The next offsets stored for {@code partitions}; a partition left out is read from its beginning. */
        Map<TopicPartition, Long> load(Collection<TopicPartition> partitions);
    }

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

    /**
     * Assign mode: reads every partition of the topics (no consumer group, nothing committed to Kafka), from the
     * offsets {@code offsets} returns at start. Partitions added to a topic later are read after a restart.
     */
    public ConsumerLoop assigned(StoredOffsets offsets) {
        this.stored = offsets;
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
            join();
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
                    if (stored == null) {
                        consumer.commitSync(nextOffsets(batch));
                    }
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
                throw e;
            }
        } catch (Throwable e) {
            failure = e; // first, while the memory may be gone
            LOG.errorf(e, "%s: the consumer thread ended", name);
            throw e;
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

    private void join() {
        if (stored == null) {
            consumer.subscribe(topics);
            return;
        }
        List<TopicPartition> partitions = topics.stream().flatMap(t -> consumer.partitionsFor(t).stream())
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
        consumer.assign(partitions);
        Map<TopicPartition, Long> offsets = stored.load(partitions);
        List<TopicPartition> fromBeginning = new ArrayList<>();
        for (TopicPartition partition : partitions) {
            Long next = offsets.get(partition);
            if (next == null) {
                fromBeginning.add(partition);
            } else {
                consumer.seek(partition, next);
            }
        }
        if (!fromBeginning.isEmpty()) { // an empty list would mean every assigned partition
            consumer.seekToBeginning(fromBeginning);
        }
        LOG.infof("%s: assigned %d partitions, %d from stored offsets, %d from the beginning", name,
                partitions.size(), partitions.size() - fromBeginning.size(), fromBeginning.size());
    }

    private void rewind(List<ConsumerRecord<String, byte[]>> batch) {
        Map<TopicPartition, Long> first = new HashMap<>();
        for (ConsumerRecord<String, byte[]> r : batch) {
            first.merge(new TopicPartition(r.topic(), r.partition()), r.offset(), Math::min);
        }
        first.forEach(consumer::seek);
    }

    /** The next offset of each partition of {@code batch} (one past its last record there). */
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
