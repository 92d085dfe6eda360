package kz.nobd.registry.messaging;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

import kz.nobd.registry.config.RegistryConfig;
import kz.nobd.registry.domain.OutboxMessage;
import kz.nobd.support.messaging.KafkaAcks;
import kz.nobd.support.messaging.KafkaClients;

/**
 * An idempotent Kafka producer (acks=all, at most 5 in flight) so that retries keep per-partition order; waits
 * for every acknowledgement of a batch.
 */
@ApplicationScoped
public class KafkaOutboxPublisher implements OutboxPublisher {
    private final Producer<String, String> producer;
    private final RegistryConfig config;

    @Inject
    public KafkaOutboxPublisher(KafkaClients clients, RegistryConfig config) {
        this.config = config;
        Map<String, Object> props = clients.producer("registry-outbox-relay");
        props.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) config.outbox().sendTimeout().toMillis());
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer());
    }

    @Override
    public void publish(List<OutboxMessage> batch) {
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (OutboxMessage message : batch) {
            acks.add(producer.send(new ProducerRecord<>(message.topic, message.messageKey, message.payload)));
        }
        KafkaAcks.await(acks, config.outbox().sendTimeout());
    }

    @PreDestroy
    void close() {
        producer.close(java.time.Duration.ofSeconds(5));
    }
}
