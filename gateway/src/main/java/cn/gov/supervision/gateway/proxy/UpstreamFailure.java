package cn.gov.supervision.gateway.proxy;

import cn.gov.supervision.gateway.problem.GatewayProblem;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;

/** How a failed exchange with a service is told to the client: always a problem that names the service. */
final class UpstreamFailure {

    private UpstreamFailure() {
    }

    static GatewayProblem describe(Upstream upstream, Throwable failure) {
        String service = upstream.serviceName();
        if (causedBy(failure, CircuitBreakerOpenException.class)) {
            return new GatewayProblem(503, "upstream-unavailable", "Service Unavailable",
                    service + " is unavailable: it failed repeatedly, so the gateway holds requests back for "
                            + upstream.circuit().secondsUntilTrial() + " s before trying it again", service);
        }
        if (causedBy(failure, TimeoutException.class)) {
            return new GatewayProblem(504, "upstream-timeout", "Gateway Timeout",
                    service + " did not answer within " + upstream.timeout().toMillis() + " ms", service);
        }
        if (causedBy(failure, ConnectException.class) || causedBy(failure, UnknownHostException.class)) {
            return new GatewayProblem(503, "upstream-unavailable", "Service Unavailable",
                    service + " is unavailable: no replica accepts connections", service);
        }
        return new GatewayProblem(502, "upstream-failure", "Bad Gateway",
                service + " broke off the exchange before answering", service);
    }

    static boolean circuitOpen(Throwable failure) {
        return causedBy(failure, CircuitBreakerOpenException.class);
    }

    private static boolean causedBy(Throwable failure, Class<? extends Throwable> type) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return false;
    }
}
