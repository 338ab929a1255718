package cn.gov.supervision.gateway.proxy;

import cn.gov.supervision.gateway.config.GatewayConfig;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.vertx.core.Future;
import io.vertx.httpproxy.ProxyResponse;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import java.util.Arrays;
import java.util.function.Supplier;

/**
 * A circuit breaker around one service's exchanges, with MicroProfile Fault Tolerance's rules (a rolling window of the
 * last {@code requestVolumeThreshold} exchanges; open when the window is full and at least {@code failureRatio} of it
 * failed; after {@code delay}, up to {@code successThreshold} trial exchanges; that many successes close it, one
 * failure opens it again). Only failures of the service count (refused connections, timeouts, broken exchanges): its
 * 4xx/5xx answers are answers and pass through, and a client that sends too much or goes away is not the service's
 * fault (the proxy reports those as results, not failures).
 * <p>
 * Written here rather than taken from SmallRye Fault Tolerance, which the gateway used before: its guard turns every
 * exchange into CompletionStages, captures and restores the propagated contexts (request scope, transactions) and
 * records its own metrics, about a tenth of the gateway's CPU per proxied request in a profile under load, for a
 * bookkeeping of a few counters. This one works on the event loop's own futures and takes one short lock per exchange.
 */
public final class UpstreamCircuit {

    private static final Logger LOG = Logger.getLogger(UpstreamCircuit.class);

    private final String serviceName;
    private final long delayNanos;
    private final int successThreshold;
    private final int failuresToOpen;
    /** The rolling window: true where an exchange failed; {@code filled} of it is in use, {@code next} is overwritten next. */
    private final boolean[] window;
    private int filled;
    private int next;
    private int failures;
    private int trialsStarted;
    private int trialSuccesses;
    private long openedAt;
    private volatile CircuitBreakerState state = CircuitBreakerState.CLOSED;

    UpstreamCircuit(String serviceName, GatewayConfig.CircuitBreakerConfig config) {
        this.serviceName = serviceName;
        this.delayNanos = config.delay().toNanos();
        this.successThreshold = Math.max(1, config.successThreshold());
        this.window = new boolean[Math.max(1, config.requestVolumeThreshold())];
        // as SmallRye counts it: the smallest number of failures whose share of a full window reaches the ratio
        this.failuresToOpen = Math.max(1, (int) Math.ceil(config.failureRatio() * window.length));
    }

    /** Runs the exchange unless the circuit is open, in which case the future fails with CircuitBreakerOpenException. */
    Future<ProxyResponse> call(Supplier<Future<ProxyResponse>> exchange) {
        Boolean trial = admit();
        if (trial == null) {
            return Future.failedFuture(new CircuitBreakerOpenException(serviceName + " circuit is open"));
        }
        Future<ProxyResponse> result;
        try {
            result = exchange.get();
        } catch (RuntimeException e) {
            record(false, trial);
            return Future.failedFuture(e);
        }
        return result.andThen(done -> record(done.succeeded(), trial));
    }

    public CircuitBreakerState state() {
        return state;
    }

    /** While open, how long until a trial request will be let through; at least one second for Retry-After. */
    long secondsUntilTrial() {
        long openedAt;
        synchronized (this) {
            openedAt = this.openedAt;
        }
        long remainingNanos = delayNanos - (System.nanoTime() - openedAt);
        return Math.max(1, (remainingNanos + 999_999_999) / 1_000_000_000);
    }

    /** Whether the exchange may go: false for a normal one, true for a trial, null when it is held back. */
    private synchronized Boolean admit() {
        if (state == CircuitBreakerState.OPEN) {
            if (System.nanoTime() - openedAt < delayNanos) {
                return null;
            }
            moveTo(CircuitBreakerState.HALF_OPEN);
            trialsStarted = 0;
            trialSuccesses = 0;
        }
        if (state == CircuitBreakerState.HALF_OPEN) {
            if (trialsStarted >= successThreshold) {
                return null;
            }
            trialsStarted++;
            return Boolean.TRUE;
        }
        return Boolean.FALSE;
    }

    private synchronized void record(boolean succeeded, boolean trial) {
        if (trial) {
            if (state != CircuitBreakerState.HALF_OPEN) {
                return; // a trial that finished after another one decided
            }
            if (!succeeded) {
                open();
            } else if (++trialSuccesses >= successThreshold) {
                clearWindow();
                moveTo(CircuitBreakerState.CLOSED);
            }
            return;
        }
        if (state != CircuitBreakerState.CLOSED) {
            return; // an exchange started before the circuit opened
        }
        if (filled == window.length && window[next]) {
            failures--;
        }
        window[next] = !succeeded;
        if (!succeeded) {
            failures++;
        }
        next = (next + 1) % window.length;
        filled = Math.min(filled + 1, window.length);
        if (filled == window.length && failures >= failuresToOpen) {
            open();
        }
    }

    private void open() {
        openedAt = System.nanoTime();
        clearWindow();
        moveTo(CircuitBreakerState.OPEN);
    }

    private void clearWindow() {
        Arrays.fill(window, false);
        filled = 0;
        next = 0;
        failures = 0;
    }

    private void moveTo(CircuitBreakerState next) {
        if (next != state) {
            LOG.warnf("Circuit to %s is now %s", serviceName, next);
        }
        state = next;
    }
}
