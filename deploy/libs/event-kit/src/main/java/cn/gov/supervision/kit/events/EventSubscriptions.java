package cn.gov.supervision.kit.events;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
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
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Runs one Kafka consumer per {@link EventSubscriber}. Each event is applied in its own transaction together with a
 * processed_event row, and offsets are committed (asynchronously) only after that transaction commits: a crash or
 * restart replays at most the uncommitted tail, and the processed_event rows make the replay harmless.
 *
 * <p>A failed record is retried, with the rest of its partition behind it, after a growing backoff. If the failure is
 * the record's own ({@link EventFailures}), it is parked after {@link EventConsumerConfig#maxAttempts()} attempts and
 * the partition moves on; otherwise it is retried for as long as the trouble lasts.
 */
@ApplicationScoped
public class EventSubscriptions {

    public static final String METRIC_RETRIES = "events.consumer.retries";

    private static final Logger LOG = Logger.getLogger(EventSubscriptions.class);
    /** How long a shutdown waits for the consumers to close: within Kubernetes' default grace period of 30 s. */
    static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(15);

    private final Instance<EventSubscriber> subscribers;
    private final EventApplier applier;
    private final DeadLetters deadLetters;
    private final KafkaConnectionConfig kafka;
    private final EventConsumerConfig config;
    private final MeterRegistry metrics;
    private final List<Worker> workers = new CopyOnWriteArrayList<>();

    public EventSubscriptions(@Any Instance<EventSubscriber> subscribers, EventApplier applier, DeadLetters deadLetters,
                              KafkaConnectionConfig kafka, EventConsumerConfig config, MeterRegistry metrics) {
        this.subscribers = subscribers;
        this.applier = applier;
        this.deadLetters = deadLetters;
        this.kafka = kafka;
        this.config = config;
        this.metrics = metrics;
    }

    void start(@Observes StartupEvent startup) {
        if (!config.enabled()) {
            return;
        }
        for (EventSubscriber subscriber : subscribers) {
            Worker worker = new Worker(subscriber);
            workers.add(worker);
            worker.thread.start();
        }
    }

    /**
     * Stops every consumer and waits, up to {@link #CLOSE_TIMEOUT}, until each has closed. Closing is how a consumer
     * tells its group it left: one that just vanishes with the JVM (its thread is a daemon) stays a member until its
     * session times out (45 s by default), and until then no other member, not even the replica that replaces it,
     * is given any partition of the group's topic: a restarted service would learn nothing for that long.
     */
    void stop(@Observes ShutdownEvent shutdown) {
        workers.forEach(Worker::stop);
        long deadline = System.nanoTime() + CLOSE_TIMEOUT.toNanos();
        for (Worker worker : workers) {
            try {
                worker.thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (worker.thread.isAlive()) {
                LOG.warnf("Consumer %s did not close within %s; its group will wait for its session to time out",
                        worker.subscriber.consumerName(), CLOSE_TIMEOUT);
            }
        }
    }

    private final class Worker implements Runnable {

        private final EventSubscriber subscriber;
        /** Attempts of records failing by their own fault, by position; in memory, so a restart grants a few more. */
        private final Map<String, Integer> attempts = new HashMap<>();
        private final Thread thread;
        /** Counted down by {@link #stop()}, so that a backoff ends at once and the consumer closes. */
        private final CountDownLatch stopped = new CountDownLatch(1);
        private volatile boolean running = true;
        private volatile KafkaConsumer<String, String> consumer;

        Worker(EventSubscriber subscriber) {
            this.subscriber = subscriber;
            this.thread = new Thread(this, "events-" + subscriber.consumerName());
            thread.setDaemon(true);
        }

        void stop() {
            running = false;
            stopped.countDown();
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
         * Applies the records in order and commits what succeeded or was parked. On the first failure the partition is
         * rewound to the failed record, so it (and everything after it in that partition) is retried after a backoff.
         */
        private boolean processBatch(KafkaConsumer<String, String> kafkaConsumer, ConsumerRecords<String, String> records) {
            Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
            List<TopicPartition> failed = new ArrayList<>();
            for (ConsumerRecord<String, String> record : records) {
                TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                if (failed.contains(partition)) {
                    continue;
                }
                SourceRecord source = SourceRecord.of(record);
                if (applyOrPark(source)) {
                    done.put(partition, new OffsetAndMetadata(record.offset() + 1));
                } else {
                    failed.add(partition);
                    kafkaConsumer.seek(partition, record.offset());
                }
            }
            if (!done.isEmpty()) {
                // Without waiting: a synchronous commit held the next poll for a round trip to the broker, so an event
                // arriving meanwhile waited for it. A commit that never lands (a crash, a rebalance) replays records
                // that processed_event makes harmless, and each later commit covers the earlier ones.
                kafkaConsumer.commitAsync(done, (offsets, failure) -> {
                    if (failure != null) {
                        LOG.debugf("Consumer %s could not commit %s (a later commit covers it): %s",
                                subscriber.consumerName(), offsets, failure.toString());
                    }
                });
            }
            return failed.isEmpty();
        }

        /** True when the record is done with: applied (now or before) or parked. */
        private boolean applyOrPark(SourceRecord record) {
            String position = record.toString();
            try {
                applier.applyOnce(subscriber, record, () -> {
                });
                attempts.remove(position);
                return true;
            } catch (RuntimeException failure) {
                boolean recordsFault = EventFailures.isRecordsFault(failure);
                metrics.counter(METRIC_RETRIES, "consumer", subscriber.consumerName(),
                        "fault", recordsFault ? "record" : "passing").increment();
                if (!recordsFault) {
                    LOG.warnf("Consumer %s could not apply %s, not the record's fault (will retry): %s",
                            subscriber.consumerName(), record, failure);
                    return false;
                }
                int tried = attempts.merge(position, 1, Integer::sum);
                if (tried < config.maxAttempts()) {
                    LOG.warnf("Consumer %s could not apply %s (attempt %d of %d): %s", subscriber.consumerName(),
                            record, tried, config.maxAttempts(), EventFailures.reason(failure));
                    return false;
                }
                try {
                    deadLetters.park(subscriber, record, failure, tried);
                    attempts.remove(position);
                    return true;
                } catch (RuntimeException parkFailure) {
                    LOG.warnf("Consumer %s could not park %s (will retry): %s", subscriber.consumerName(), record,
                            parkFailure);
                    return false;
                }
            }
        }

        private Properties consumerProperties() {
            Properties props = kafka.clientProperties();
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
                if (stopped.await(duration.toMillis(), TimeUnit.MILLISECONDS)) {
                    running = false;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}
