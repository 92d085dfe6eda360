package kz.nobd.report.messaging;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import kz.nobd.support.KafkaClients;

/** Report's consumers, on the service's Kafka client configuration ({@link KafkaClients}). */
@ApplicationScoped
public class KafkaSettings {
    @Inject
    KafkaClients clients;

    public Map<String, Object> consumer(String groupId, int maxPollRecords) {
        return clients.consumer(groupId, maxPollRecords);
    }
}
