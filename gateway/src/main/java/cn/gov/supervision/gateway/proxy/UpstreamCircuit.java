package cn.gov.supervision.gateway.proxy;

import cn.gov.supervision.gateway.config.GatewayConfig;
import io.smallrye.faulttolerance.api.CircuitBreakerState;
import io.smallrye.faulttolerance.api.TypedGuard;
import io.vertx.httpproxy.ProxyResponse;
import jakarta.enterprise.util.TypeLiteral;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * SmallRye Fault Tolerance's circuit breaker around one service's exchanges. Only failures of the service count
 * (refused connections, timeouts, broken exchanges): its 4xx/5xx answers are answers and pass through, and a client
 * that sends too much or goes away is not the service's fault (the proxy reports those as results, not failures).
 */
public final class UpstreamCircuit {

    private static final Logger LOG = Logger.getLogger(UpstreamCircuit.class);

    private static final TypeLiteral<CompletionStage<ProxyResponse>> EXCHANGE = new TypeLiteral<>() {
    };

    private final TypedGuard<CompletionStage<ProxyResponse>> guard;
    private final Duration delay;
    private volatile CircuitBreakerState state = CircuitBreakerState.CLOSED;
    private volatile long openedAt;

    UpstreamCircuit(String serviceName, GatewayConfig.CircuitBreakerConfig config) {
        this.delay = config.delay();
        this.guard = TypedGuard.create(EXCHANGE)
                .withDescription("exchanges with " + serviceName)
                .withCircuitBreaker()
                .requestVolumeThreshold(config.requestVolumeThreshold())
                .failureRatio(config.failureRatio())
                .delay(config.delay().toMillis(), ChronoUnit.MILLIS)
                .successThreshold(config.successThreshold())
                .onStateChange(next -> {
                    if (next == CircuitBreakerState.OPEN) {
                        openedAt = System.nanoTime();
                    }
                    if (next != state) {
                        LOG.warnf("Circuit to %s is now %s", serviceName, next);
                    }
                    state = next;
                })
                .done()
                // the exchange is non-blocking and already on the request's event loop: stay there
                .withThreadOffload(false)
                .build();
    }

    /** Runs the exchange unless the circuit is open, in which case the stage fails with CircuitBreakerOpenException. */
    CompletionStage<ProxyResponse> call(Supplier<CompletionStage<ProxyResponse>> exchange) {
        try {
            return guard.get(exchange);
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    public CircuitBreakerState state() {
        return state;
    }

    /** While open, how long until a trial request will be let through; at least one second for Retry-After. */
    long secondsUntilTrial() {
        long remainingNanos = delay.toNanos() - (System.nanoTime() - openedAt);
        return Math.max(1, (remainingNanos + 999_999_999) / 1_000_000_000);
    }
}
