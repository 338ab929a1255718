package cn.gov.supervision.kit.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import jakarta.validation.ValidationException;
import org.hibernate.PropertyValueException;

import java.sql.SQLException;
import java.time.DateTimeException;

/**
 * Tells a record's own fault from a passing trouble. A record at fault fails the same way however often it is tried,
 * so after {@link EventConsumerConfig#maxAttempts()} it is parked; anything else (database down, a lock timeout, a
 * table not migrated yet, the broker away) is retried with backoff for as long as it lasts, because parking a good
 * record would lose it from the read model until someone replays it.
 *
 * <p>The record is at fault only on evidence: the consumer said so ({@link UnprocessableEventException}); PostgreSQL
 * refused its data (SQLSTATE class 22, data exception, or 23, integrity constraint violation); or reading it threw
 * what malformed input throws (a bad UUID, number, date or enum constant, JSON that does not parse, a required field
 * missing). Every other failure counts as passing.
 */
public final class EventFailures {

    private EventFailures() {
    }

    public static boolean isRecordsFault(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                // the innermost SQLException decides: a wrapped connection failure is passing even inside a batch error
                return state != null && (state.startsWith("22") || state.startsWith("23"));
            }
        }
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof UnprocessableEventException
                    || cause instanceof IllegalArgumentException // UUID.fromString, Enum.valueOf, Integer.parseInt
                    || cause instanceof DateTimeException
                    || cause instanceof JsonProcessingException
                    || cause instanceof NullPointerException
                    || cause instanceof ClassCastException
                    || cause instanceof ValidationException
                    || cause instanceof PropertyValueException) { // a not-null field the payload left out
                return true;
            }
        }
        return false;
    }

    /** One line for the dead-letter record and the health check: the deepest message, which names the bad value. */
    public static String reason(Throwable failure) {
        Throwable deepest = failure;
        while (deepest.getCause() != null && deepest.getCause() != deepest) {
            deepest = deepest.getCause();
        }
        String message = deepest.getMessage();
        String reason = deepest.getClass().getSimpleName() + (message == null ? "" : ": " + message);
        if (deepest != failure && failure instanceof UnprocessableEventException) {
            reason = failure.getMessage() + " (" + reason + ")";
        }
        return reason.length() > 2000 ? reason.substring(0, 2000) : reason;
    }
}
