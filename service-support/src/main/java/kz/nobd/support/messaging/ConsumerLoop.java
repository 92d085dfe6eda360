package kz.nobd.support.messaging;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import kz.nobd.support.BackgroundThreads;

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
 * <p>
 * {@link #stop} lets the batch in hand finish: it ends a poll or a back-off at once, but a batch being handled is
 * stored and its offsets committed before the loop closes the consumer; {@link #stopAll} waits for that, bounded
 * ({@link ConsumerLoopShutdown} does it for every loop of a service when it stops).
 * After each poll the loop publishes its lag per partition ({@link ConsumerLag}).
 */
public class ConsumerLoop implements Runnable {
    private static final Logger LOG = Logger.getLogger(ConsumerLoop.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);
    /** How long a service's shutdown waits for its loops to store and commit their batches in hand. */
    public static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    /** The loops created and not yet ended in this JVM. */
    private static final Set<ConsumerLoop> LIVE = ConcurrentHashMap.newKeySet();

    private final String name;
    private final KafkaConsumer<String, byte[]> consumer;
    private final List<String> topics;
    private final Consumer<List<ConsumerRecord<String, byte[]>>> handler;
    private final String group;
    private ConsumerLag lag;
    private final CountDownLatch finished = new CountDownLatch(1);
    private volatile boolean running = true;
    private volatile Thread thread;
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
        this.group = (String) props.get(ConsumerConfig.GROUP_ID_CONFIG);
        LIVE.add(this);
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

    /** Starts the loop on a daemon thread of its own, at background priority ({@link BackgroundThreads}). */
    public ConsumerLoop startThread() {
        BackgroundThreads.of(name + "-consumer", this).start();
        return this;
    }

    @Override
    public void run() {
        thread = Thread.currentThread();
        // the lag's group label: the consumer group, or the loop's name in assign mode (no group)
        lag = new ConsumerLag(stored == null && group != null ? group : name);
        Duration backoff = Duration.ofMillis(200);
        try {
            join();
            onStart.accept(consumer);
            while (running) {
                ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
                lag.update(consumer);
                List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(records.count());
                records.forEach(batch::add);
                try {
                    if (batch.isEmpty()) {
                        onIdle.run();
                        continue;
                    }
                    handler.accept(batch);
                    if (stored == null) {
                        commit(nextOffsets(batch));
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
            lag.releaseAll();
            try {
                consumer.close(Duration.ofSeconds(5));
            } finally {
                LIVE.remove(this);
                finished.countDown();
            }
        }
    }

    /**
     * Commits a stored batch's offsets. A {@link #stop} during the batch woke the consumer to end a poll, and the
     * commit is the first call to see that: it is made again, so the stored batch is not delivered again.
     */
    private void commit(Map<TopicPartition, OffsetAndMetadata> offsets) {
        try {
            consumer.commitSync(offsets);
        } catch (WakeupException e) {
            consumer.commitSync(offsets);
        }
    }

    /** Asks the loop to end: a poll or back-off ends now, a batch being handled is stored and committed first. */
    public void stop() {
        stopRequested = true;
        running = false;
        if (!ended) {
            consumer.wakeup();
        }
        Thread current = thread;
        if (current != null) {
            LockSupport.unpark(current);
        }
    }

    /** Waits until the loop has closed its consumer; false if it still runs after {@code timeout}. */
    public boolean awaitStop(Duration timeout) throws InterruptedException {
        return thread == null || finished.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Stops every loop, then waits for all of them (their batches in hand stored and committed) up to
     * {@code timeout} in all; a loop still busy then is left to the process's exit (its batch is delivered again).
     */
    public static void stopAll(Iterable<ConsumerLoop> loops, Duration timeout) {
        if (!loops.iterator().hasNext()) {
            return;
        }
        loops.forEach(ConsumerLoop::stop);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            for (ConsumerLoop loop : loops) {
                if (!loop.awaitStop(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                    LOG.warnf("%s: still handling a batch after %d s; not waiting longer", loop.name,
                            timeout.toSeconds());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** {@link #stopAll} of every loop of this JVM that has not ended yet. */
    static void stopAllLive(Duration timeout) {
        stopAll(List.copyOf(LIVE), timeout);
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
            // a bounded back-off of the consumer thread after a failure, not a wait for a test outcome; stop() unparks
            if (running) {
                LockSupport.parkNanos(backoff.toNanos());
            }
        } finally {
            if (Thread.interrupted()) {
                running = false;
            }
        }
    }
}
