package cn.gov.supervision.gateway.edge;

/**
 * The order of the stages on Quarkus' router, in one place. Lower runs first. Quarkus' own filters sit between them
 * at fixed orders (a filter of priority p runs at -p), which is why these numbers are what they are.
 */
public final class EdgeOrder {

    /**
     * Who the client is, before anything looks at forwarding headers or the client address: forwarding headers from a
     * peer that is no trusted proxy are dropped here.
     */
    public static final int CLIENT_ADDRESS = -1100;

    /** Request id and response headers first, so that even refused requests and CORS preflights carry them. */
    public static final int CORRELATION = -1000;

    // -300: Quarkus' CORS filter (quarkus.http.cors.*) answers preflights here.

    /** Refuse overlong request lines (with a problem, below the HTTP decoder's backstop). */
    public static final int REQUEST_LINE = -900;

    /** Refuse oversized bodies before anything reads them. */
    public static final int BODY_SIZE = -250;

    /**
     * Authentication ({@code security.EdgeAuthentication}: bearer tokens, API keys), at the priority of Quarkus' own
     * authentication filter (200): after the cheap refusals, before the rate limit, which counts per verified client.
     */
    public static final int AUTHENTICATION = -200;

    // -100: Quarkus' authorization filter, if HTTP permissions are configured.

    public static final int RATE_LIMIT = -50;

    // -2: Quarkus' upload limit (quarkus.http.limits.max-body-size), kept above every route limit as a backstop.

    /** The proxy routes themselves. */
    public static final int PROXY = 100;

    /** After the proxy routes, before Quarkus REST's (which would answer a generic 404): an /api path nobody serves. */
    public static final int NOT_ROUTED = 1_000;

    private EdgeOrder() {
    }
}
