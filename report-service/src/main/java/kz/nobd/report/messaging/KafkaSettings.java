package kz.nobd.report.messaging;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerConfig;

import kz.nobd.support.KafkaClients;

/** Report's consumers, on the service's Kafka client configuration ({@link KafkaClients}). */
@ApplicationScoped
public class KafkaSettings {
    @Inject
    KafkaClients clients;

    /** A consumer without a group, for a loop in assign mode ({@code clientId} names it in the broker's logs). */
    public Map<String, Object> assignedConsumer(String clientId, int maxPollRecords) {
        Map<String, Object> props = clients.consumer(null, maxPollRecords);
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return props;
    }
}
