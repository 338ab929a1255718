package cn.gov.supervision.gateway.security;

import cn.gov.supervision.gateway.edge.ClientAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * Who is calling, as far as the edge can tell, for per-client limits: the caller that {@link EdgeAuthentication}
 * verified (a person's token subject, or an API key's id), else its address. Nothing a client merely claims counts:
 * an unverified header would let a client pick a fresh bucket for every request.
 * <p>
 * The verified caller is kept in the routing context's data rather than as its Vert.x {@code user()}: Quarkus treats
 * {@code user()} as its own security identity (lazily resolved for the gateway's own endpoints), and a different
 * object there would get in its way.
 */
public final class ClientIdentity {

    private static final String VERIFIED = ClientIdentity.class.getName() + ".verified";

    private ClientIdentity() {
    }

    public static String of(RoutingContext context) {
        String verified = context.get(VERIFIED);
        if (verified != null) {
            return verified;
        }
        return address(context);
    }

    /** The client's address: the peer's, or behind a trusted proxy the one that proxy saw ({@link ClientAddress}). */
    public static String address(RoutingContext context) {
        return "address:" + ClientAddress.of(context);
    }

    /** A person whose bearer token the edge has verified. */
    static void verifiedUser(RoutingContext context, String subject) {
        context.put(VERIFIED, "user:" + subject);
    }

    /** A system whose API key the edge has accepted. */
    static void verifiedApiKey(RoutingContext context, Object keyId) {
        context.put(VERIFIED, "api-key:" + keyId);
    }
}
