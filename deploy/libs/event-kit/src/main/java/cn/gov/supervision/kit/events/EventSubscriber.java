package cn.gov.supervision.kit.events;

import java.util.Set;

/**
 * A service's interest in another service's events. Implementations are CDI beans; {@link EventSubscriptions} feeds
 * them at least once, in partition order, each event inside a transaction that also records its id, so that a
 * redelivered event is skipped and a failed one is retried. A record that fails by its own fault
 * ({@link EventFailures}) is parked on the dead-letter topic after a few attempts ({@link DeadLetters}).
 */
public interface EventSubscriber {

    String topic();

    /** Consumer group and deduplication namespace; stable across releases, or the topic is read again. */
    String consumerName();

    /** The envelope field holding the subject id on this topic (unitId, taskId). */
    String subjectField();

    /**
     * The envelope's schemaVersions this consumer understands; another one is parked, not guessed at, and can be
     * replayed once a release that reads it is deployed.
     */
    default Set<Integer> schemaVersions() {
        return Set.of(1);
    }

    /**
     * Applies one event; runs inside the transaction that marks it processed. Throwing retries it later; throw
     * {@link UnprocessableEventException} (or let a bad value's IllegalArgumentException through) when the event
     * itself is wrong.
     */
    void apply(EventEnvelope event);
}
