package cn.gov.supervision.kit.events;

/**
 * A service's interest in another service's events. Implementations are CDI beans; {@link EventSubscriptions} feeds
 * them at least once, in partition order, each event inside a transaction that also records its id, so that a
 * redelivered event is skipped and a failed one is retried.
 */
public interface EventSubscriber {

    String topic();

    /** Consumer group and deduplication namespace; stable across releases, or the topic is read again. */
    String consumerName();

    /** The envelope field holding the subject id on this topic (unitId, taskId). */
    String subjectField();

    /** Applies one event; runs inside the transaction that marks it processed. Throwing retries it later. */
    void apply(EventEnvelope event);
}
