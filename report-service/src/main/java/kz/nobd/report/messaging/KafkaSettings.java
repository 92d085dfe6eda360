package kz.nobd.report.messaging;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.common.annotation.Identifier;
import kz.nobd.support.KafkaConsumerSettings;

/** Consumer settings on top of {@code kafka.bootstrap.servers}. */
@ApplicationScoped
public class KafkaSettings {
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    public Map<String, Object> consumer(String groupId, int maxPollRecords) {
        return KafkaConsumerSettings.of(kafka.get("bootstrap.servers"), groupId, maxPollRecords);
    }
}
