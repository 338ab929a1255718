package cn.gov.supervision.kit.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Runs one Kafka consumer per {@link EventSubscriber}. Each event is applied in its own transaction together with a
 * processed_event row, and offsets are committed only after that transaction commits: a crash or restart replays at
 * most the uncommitted tail, and the processed_event rows make the replay harmless.
 */
@ApplicationScoped
public class EventSubscriptions {

    private static final Logger LOG = Logger.getLogger(EventSubscriptions.class);

    private final Instance<EventSubscriber> subscribers;
    private final EntityManager entityManager;
    private final ObjectMapper objectMapper;
    private final KafkaConnectionConfig kafka;
    private final EventConsumerConfig config;
    private final List<Worker> workers = new CopyOnWriteArrayList<>();

    public EventSubscriptions(@Any Instance<EventSubscriber> subscribers, EntityManager entityManager,
                              ObjectMapper objectMapper, KafkaConnectionConfig kafka, EventConsumerConfig config) {
        this.subscribers = subscribers;
        this.entityManager = entityManager;
        this.objectMapper = objectMapper;
        this.kafka = kafka;
        this.config = config;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.enabled()) {
            return;
        }
        for (EventSubscriber subscriber : subscribers) {
            Worker worker = new Worker(subscriber);
            workers.add(worker);
            Thread thread = new Thread(worker, "events-" + subscriber.consumerName());
            thread.setDaemon(true);
            thread.start();
        }
    }

    void stop(@Observes ShutdownEvent shutdown) {
        workers.forEach(Worker::stop);
    }

    /** True when the event was new and has now been applied; false when it had been applied before. */
    boolean applyOnce(EventSubscriber subscriber, EventEnvelope event) {
        return QuarkusTransaction.requiringNew().call(() -> {
            int inserted = entityManager.createNativeQuery("INSERT INTO processed_event (consumer, event_id) "
                            + "VALUES (:consumer, :eventId) ON CONFLICT DO NOTHING")
                    .setParameter("consumer", subscriber.consumerName())
                    .setParameter("eventId", event.eventId())
                    .executeUpdate();
            if (inserted == 0) {
                return false;
            }
            subscriber.apply(event);
            return true;
        });
    }

    private final class Worker implements Runnable {

        private final EventSubscriber subscriber;
        private volatile boolean running = true;
        private volatile KafkaConsumer<String, String> consumer;

        Worker(EventSubscriber subscriber) {
            this.subscriber = subscriber;
        }

        void stop() {
            running = false;
            KafkaConsumer<String, String> current = consumer;
            if (current != null) {
                current.wakeup();
            }
        }

        @Override
        public void run() {
            Duration backoff = config.initialBackoff();
            while (running) {
                try (KafkaConsumer<String, String> kafkaConsumer = new KafkaConsumer<>(consumerProperties())) {
                    consumer = kafkaConsumer;
                    kafkaConsumer.subscribe(List.of(subscriber.topic()));
                    while (running) {
                        ConsumerRecords<String, String> records = kafkaConsumer.poll(config.pollTimeout());
                        if (!processBatch(kafkaConsumer, records)) {
                            sleep(backoff);
                            backoff = doubled(backoff);
                        } else {
                            backoff = config.initialBackoff();
                        }
                    }
                } catch (WakeupException e) {
                    return;
                } catch (RuntimeException e) {
                    LOG.warnf("Consumer %s failed, restarting after %s: %s", subscriber.consumerName(), backoff, e);
                    sleep(backoff);
                    backoff = doubled(backoff);
                }
            }
        }

        /**
         * Applies the records in order and commits what succeeded. On the first failure the partition is rewound to
         * the failed record, so it (and everything after it in that partition) is retried after a backoff.
         */
        private boolean processBatch(KafkaConsumer<String, String> kafkaConsumer, ConsumerRecords<String, String> records) {
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            List<TopicPartition> failed = new ArrayList<>();
            for (ConsumerRecord<String, String> record : records) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (failed.contains(partition)) {
                    continue;
                }
                try {
                    EventEnvelope event = parse(record);
                    if (event != null) {
                        applyOnce(subscriber, event);
                    }
                    done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                } catch (RuntimeException e) {
                    LOG.warnf("Consumer %s could not apply %s@%d (will retry): %s", subscriber.consumerName(),
                            partition, record.offset(), e);
                    failed.add(partition);
                    kafkaConsumer.seek(partition, record.offset());
                }
            }
            if (!done.isEmpty()) {
                kafkaConsumer.commitSync(done);
            }
            return failed.isEmpty();
        }

        /** A record that is not an event of the expected shape can never succeed: it is logged and skipped. */
        private EventEnvelope parse(ConsumerRecord<String, String> record) {
            try {
                JsonNode node = objectMapper.readTree(record.value());
                return EventEnvelope.fromJson(node, subscriber.subjectField());
            } catch (Exception e) {
                LOG.errorf("Consumer %s skips malformed record %s-%d@%d: %s", subscriber.consumerName(),
                        record.topic(), record.partition(), record.offset(), e.getMessage());
                return null;
            }
        }

        private Properties consumerProperties() {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers());
            props.put(ConsumerConfig.GROUP_ID_CONFIG, subscriber.consumerName());
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
            props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 200);
            props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                    StringDeserializer.class.getName());
            props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                    StringDeserializer.class.getName());
            return props;
        }

        private Duration doubled(Duration backoff) {
            Duration next = backoff.multipliedBy(2);
            return next.compareTo(config.maxBackoff()) > 0 ? config.maxBackoff() : next;
        }

        private void sleep(Duration duration) {
            try {
                Thread.sleep(duration.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}
