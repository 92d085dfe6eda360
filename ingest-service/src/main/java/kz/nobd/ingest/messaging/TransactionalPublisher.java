package kz.nobd.ingest.messaging;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.jboss.logging.Logger;

import kz.nobd.support.DependencyUnavailableException;

/**
 * Publishes a REST batch all or nothing: one Kafka transaction per batch, committed only when the broker has
 * every record. A small pool of transactional producers serves concurrent requests (a transactional producer
 * runs one transaction at a time). Kafka down: the transaction is aborted and the caller gets a 503.
 */
@ApplicationScoped
public class TransactionalPublisher {
    private static final Logger LOG = Logger.getLogger(TransactionalPublisher.class);
    private static final int POOL = 4;

    @Inject
    KafkaSettings kafka;

    private final BlockingQueue<KafkaProducer<String, byte[]>> pool = new ArrayBlockingQueue<>(POOL);
    private final String instance = UUID.randomUUID().toString().substring(0, 8);
    /** Suffix of the next transactional id (never reused). */
    private int serial;
    /** Producers made and not discarded: at most POOL. */
    private int live;

    public record Message(String topic, String key, byte[] value) {
    }

    public void publishAll(List<Message> messages) {
        KafkaProducer<String, byte[]> producer = borrow();
        boolean healthy = true;
        try {
            producer.beginTransaction();
            for (Message m : messages) {
                producer.send(new ProducerRecord<>(m.topic(), m.key(), m.value()));
            }
            producer.commitTransaction();
        } catch (KafkaException | IllegalStateException e) {
            // IllegalStateException: a producer whose earlier commit timed out (found by deploy/faults, scenario c)
            healthy = abort(producer);
            throw new DependencyUnavailableException("Kafka did not accept the batch; nothing was published, send"
                    + " the whole batch again (event ids make the retry safe)", e);
        } finally {
            giveBack(producer, healthy);
        }
    }

    /**
     * Aborts the open transaction; a producer that cannot abort is discarded. After a commit that timed out (Kafka
     * went away during it) the producer accepts nothing but that commit again (IllegalStateException): put back in
     * the pool it would fail every later batch with a 500 until the service restarts.
     */
    private boolean abort(KafkaProducer<String, byte[]> producer) {
        try {
            producer.abortTransaction();
            return true;
        } catch (KafkaException | IllegalStateException e) {
            LOG.debugf("producer discarded after a failed abort: %s", e.getMessage());
            return false;
        }
    }

    private synchronized KafkaProducer<String, byte[]> create() {
        String transactionalId = "ingest-rest-" + instance + "-" + (serial++);
        KafkaProducer<String, byte[]> producer = new KafkaProducer<>(kafka.producer(transactionalId, transactionalId),
                new StringSerializer(), new ByteArraySerializer());
        try {
            producer.initTransactions();
        } catch (KafkaException e) {
            producer.close(java.time.Duration.ZERO);
            // not counted as live: a producer that never started must not take a place in the pool (counting it
            // left every request waiting for a free producer after Kafka came back: deploy/faults, scenario c)
            throw new DependencyUnavailableException("Kafka is unreachable; nothing was published, retry later", e);
        }
        live++;
        return producer;
    }

    private KafkaProducer<String, byte[]> borrow() {
        KafkaProducer<String, byte[]> producer = pool.poll();
        if (producer != null) {
            return producer;
        }
        synchronized (this) {
            if (live < POOL) {
                return create();
            }
        }
        try {
            producer = pool.poll(5, TimeUnit.SECONDS); // then 503 with Retry-After: a bounded wait, not a hang
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (producer == null) {
            throw new DependencyUnavailableException("all Kafka producers are busy; retry later", null);
        }
        return producer;
    }

    private void giveBack(KafkaProducer<String, byte[]> producer, boolean healthy) {
        if (healthy) {
            pool.offer(producer);
            return;
        }
        producer.close(java.time.Duration.ZERO);
        synchronized (this) {
            live--;
        }
    }

    @PreDestroy
    void close() {
        pool.forEach(p -> p.close(java.time.Duration.ofSeconds(2)));
    }
}
