package cn.gov.supervision.notifications.service;

/**
 * A send that failed, told two ways: {@link #summary()} for whoever manages webhooks without being an administrator
 * (an API key, say), which names no address, port or connection error and so cannot be used to map the network
 * behind this service; the message, with the raw cause, for administrators and the logs.
 */
public class DeliveryFailure extends RuntimeException {

    private final String summary;

    public DeliveryFailure(String summary, String detail, Throwable cause) {
        super(detail, cause);
        this.summary = summary;
    }

    public String summary() {
        return summary;
    }
}
