package cn.gov.supervision.kit.events;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Where a consumed record came from and what it held: what the consumer applies, parks and replays. */
public record SourceRecord(String topic, int partition, long offset, String key, String value, String storedHeaders) {

    public static SourceRecord of(ConsumerRecord<String, String> record) {
        return new SourceRecord(record.topic(), record.partition(), record.offset(), record.key(), record.value(),
                StoredHeaders.toJson(record.headers()));
    }

    @Override
    public String toString() {
        return topic + "-" + partition + "@" + offset;
    }
}
