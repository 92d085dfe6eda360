package kz.nobd.report.messaging;

import java.util.HashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;

import io.smallrye.common.annotation.Identifier;
import kz.nobd.support.KafkaConsumerSettings;

/** Consumer settings on top of {@code kafka.bootstrap.servers}. */
@ApplicationScoped
public class KafkaSettings {
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    /** A consumer without a group, for a loop in assign mode ({@code clientId} names it in the broker's logs). */
    public Map<String, Object> assignedConsumer(String clientId, int maxPollRecords) {
        Map<String, Object> props = new HashMap<>(KafkaConsumerSettings.of(kafka.get("bootstrap.servers"), null,
                maxPollRecords));
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return props;
    }
}
