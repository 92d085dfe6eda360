package kz.nobd.registry.messaging;

import java.util.List;

import kz.nobd.registry.domain.OutboxMessage;

/** Publishes a batch in order and returns only once every message is acknowledged; throws otherwise. */
public interface OutboxPublisher {
    void publish(List<OutboxMessage> batch);
}
