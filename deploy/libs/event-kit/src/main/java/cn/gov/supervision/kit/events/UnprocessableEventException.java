package cn.gov.supervision.kit.events;

/**
 * Thrown when a record can never be applied as it is (not an event, an unknown schema version, a value the consumer
 * does not know): the record's fault, so it is parked on the dead-letter topic rather than retried forever.
 */
public class UnprocessableEventException extends RuntimeException {

    public UnprocessableEventException(String message) {
        super(message);
    }

    public UnprocessableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
