package kz.nobd.ingest.pipeline;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Where a Kafka record came from: its coordinates identify its outcome, so a replay decides nothing twice. */
public record RecordRef(String topic, int partition, long offset) {
    public static RecordRef of(ConsumerRecord<?, ?> record) {
        return new RecordRef(record.topic(), record.partition(), record.offset());
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
