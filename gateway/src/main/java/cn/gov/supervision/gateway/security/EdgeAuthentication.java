package cn.gov.supervision.gateway.security;

import cn.gov.supervision.gateway.config.GatewayConfig;
import cn.gov.supervision.gateway.edge.EdgeOrder;
import cn.gov.supervision.gateway.edge.EdgeStage;
import cn.gov.supervision.gateway.edge.TokenBuckets;
import cn.gov.supervision.gateway.problem.GatewayProblem;
import cn.gov.supervision.kit.security.VerifiedTokens;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.logging.Logger;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Checks the caller's credential at the edge, for every /api request (proxied or the gateway's own):
 * <ul>
 *   <li>{@code X-API-Key}: exchanged for a short-lived token ({@link ApiKeyExchange}), which replaces it, so the
 *       services only ever see one kind of credential and never the key; an unknown, revoked or expired key is a 401;</li>
 *   <li>{@code Authorization: Bearer}: verified here (signature, issuer, expiry) so that a bad token is a 401 before
 *       any service is bothered, and so that the rate limit counts per verified person; the services verify it again,
 *       as none of them trusts what merely passed the gateway;</li>
 *   <li>both: a 400, one credential per request;</li>
 *   <li>neither: passed on untouched, and the service decides (401, or an open endpoint such as the e-mail
 *       acknowledgement link).</li>
 * </ul>
 */
@ApplicationScoped
public class EdgeAuthentication implements EdgeStage {

    public static final String API_KEY_HEADER = "X-API-Key";

    private static final Logger LOG = Logger.getLogger(EdgeAuthentication.class);
    private static final String BEARER = "Bearer ";

    private final JWTParser parser;
    private final ApiKeyExchange apiKeys;
    /** The kit's memory, which {@code parser} fills too: asked first, so a known token never leaves the event loop. */
    private final VerifiedTokens verifiedTokens;
    /** Per address: API keys refused lately. Spent → no more lookups for that address until it refills. */
    private final TokenBuckets refusedKeys;
    private final Vertx vertx;
    /** A key fetched over HTTP (JWKS) may block on its first use or refresh: then verify on a worker thread. */
    private final boolean remoteVerificationKey;

    public EdgeAuthentication(JWTParser parser, ApiKeyExchange apiKeys, VerifiedTokens verifiedTokens, Vertx vertx,
                              GatewayConfig config,
                              @ConfigProperty(name = "mp.jwt.verify.publickey.location") String keyLocation) {
        this.parser = parser;
        this.apiKeys = apiKeys;
        this.verifiedTokens = verifiedTokens;
        GatewayConfig.AuthConfig auth = config.auth();
        this.refusedKeys = new TokenBuckets(vertx, auth.refusedKeyBurst(), 1, auth.refusedKeyRefill(),
                auth.refusedKeyRefill().multipliedBy(auth.refusedKeyBurst()));
        this.vertx = vertx;
        this.remoteVerificationKey = keyLocation.startsWith("http:") || keyLocation.startsWith("https:");
    }

    @Override
    public int order() {
        return EdgeOrder.AUTHENTICATION;
    }

    @Override
    public String path() {
        return "/api/*";
    }

    @Override
    public void handle(RoutingContext context) {
        HttpServerRequest request = context.request();
        int apiKeys = request.headers().getAll(API_KEY_HEADER).size();
        int authorizations = request.headers().getAll(HttpHeaders.AUTHORIZATION).size();
        if (apiKeys + authorizations > 1) {
            GatewayProblem.of(400, "ambiguous-credentials", "Bad Request", "Send one credential per request: either "
                    + "an X-API-Key or an Authorization header, once").send(context);
        } else if (apiKeys == 1) {
            exchangeApiKey(context, request.getHeader(API_KEY_HEADER).strip());
        } else if (authorizations == 1 && isBearer(request.getHeader(HttpHeaders.AUTHORIZATION))) {
            verifyBearer(context, request.getHeader(HttpHeaders.AUTHORIZATION).substring(BEARER.length()).strip());
        } else {
            context.next();
        }
    }

    private void verifyBearer(RoutingContext context, String token) {
        JsonWebToken known = verifiedTokens.known(token);
        if (known != null) {
            accept(context, known);
            return;
        }
        if (!remoteVerificationKey) {
            // RS256 verification with a key already in memory takes some tens of microseconds: fine on the event loop
            accept(context, verify(token));
            return;
        }
        offEventLoop(context, () -> verify(token), verified -> accept(context, verified));
    }

    private JsonWebToken verify(String token) {
        try {
            return parser.parse(token);
        } catch (ParseException e) {
            LOG.debugf("Refused a bearer token at the edge: %s", e.getMessage());
            return null;
        }
    }

    private void accept(RoutingContext context, JsonWebToken verified) {
        String subject = verified == null ? null : subjectOf(verified);
        if (subject == null) {
            unauthorized(context, "Bearer error=\"invalid_token\"", "The bearer token is malformed, expired or not "
                    + "signed by a trusted issuer");
            return;
        }
        ClientIdentity.verifiedUser(context, subject);
        context.next();
    }

    private static String subjectOf(JsonWebToken verified) {
        return verified.getSubject() != null ? verified.getSubject() : verified.getName();
    }

    private void exchangeApiKey(RoutingContext context, String secret) {
        if (!apiKeys.available()) {
            GatewayProblem.of(503, "api-keys-unavailable", "Service Unavailable",
                    "API keys cannot be used right now (the gateway has no signing key); use a bearer token")
                    .send(context);
            return;
        }
        String secretHash = ApiKeySecrets.hash(secret);
        ApiKeyExchange.Exchange known = apiKeys.cached(secretHash);
        if (known != null) {
            forward(context, known);
            return;
        }
        long waitNanos = refusedKeys.waitFor(ClientIdentity.address(context));
        if (waitNanos > 0) {
            long retryAfterSeconds = TokenBuckets.retryAfterSeconds(waitNanos);
            context.response().putHeader("Retry-After", Long.toString(retryAfterSeconds));
            GatewayProblem.of(429, "too-many-refused-keys", "Too Many Requests", "Too many unknown, revoked or "
                    + "expired API keys from this address; retry after " + retryAfterSeconds + " s").send(context);
            return;
        }
        offEventLoop(context, () -> apiKeys.refresh(secretHash), exchange -> forward(context, exchange));
    }

    private void forward(RoutingContext context, ApiKeyExchange.Exchange exchange) {
        if (exchange.token() == null) {
            refusedKeys.take(ClientIdentity.address(context));
            unauthorized(context, "ApiKey header=\"" + API_KEY_HEADER + "\"",
                    "The API key is unknown, revoked or expired");
            return;
        }
        // the services see the minted token only: the key itself never leaves the gateway
        context.request().headers().remove(API_KEY_HEADER);
        context.request().headers().set(HttpHeaders.AUTHORIZATION, BEARER + exchange.token().token());
        ClientIdentity.verifiedApiKey(context, exchange.grant().keyId());
        context.next();
    }

    /**
     * Runs blocking work on a worker thread and continues on this request's event loop. The request is paused
     * meanwhile, so that no byte of its body arrives before the proxy (or Quarkus REST) is there to take it.
     */
    private <T> void offEventLoop(RoutingContext context, Callable<T> work, Consumer<T> then) {
        HttpServerRequest request = context.request();
        boolean paused = !request.isEnded();
        if (paused) {
            request.pause();
        }
        Future<T> result = vertx.executeBlocking(work, false);
        result.onComplete(done -> {
            if (paused) {
                // resuming only schedules delivery on this event loop, so whatever next() mounts is in place first
                request.resume();
            }
            if (done.failed()) {
                context.fail(done.cause());
            } else if (!context.response().ended()) {
                then.accept(done.result());
            }
        });
    }

    @PreDestroy
    void stopEviction() {
        refusedKeys.close();
    }

    private static void unauthorized(RoutingContext context, String challenge, String detail) {
        context.response().putHeader("WWW-Authenticate", challenge);
        GatewayProblem.of(401, "invalid-credentials", "Unauthorized", detail).send(context);
    }

    private static boolean isBearer(String authorization) {
        return authorization.regionMatches(true, 0, BEARER, 0, BEARER.length());
    }
}
