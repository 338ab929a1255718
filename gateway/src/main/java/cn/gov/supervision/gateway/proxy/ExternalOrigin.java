package cn.gov.supervision.gateway.proxy;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.HostAndPort;

import java.util.regex.Pattern;

/**
 * The gateway's address as the client called it: scheme and host from X-Forwarded-Proto/-Host when a proxy in
 * front of the gateway set them, else from the request itself. Used for rewritten Location headers and for the
 * OpenAPI document's server, so that both point where the client can actually reach.
 */
public record ExternalOrigin(String scheme, String authority) {

    /** A host[:port] or [v6]:port and nothing else: the value is written into headers and documents. */
    private static final Pattern AUTHORITY = Pattern.compile("[A-Za-z0-9.\\-]+(:[0-9]{1,5})?|\\[[0-9A-Fa-f:.]+](:[0-9]{1,5})?");

    public static ExternalOrigin of(HttpServerRequest request) {
        String forwardedProto = firstValue(request.getHeader("X-Forwarded-Proto"));
        String scheme = "http".equalsIgnoreCase(forwardedProto) || "https".equalsIgnoreCase(forwardedProto)
                ? forwardedProto.toLowerCase() : request.scheme();
        String forwardedHost = firstValue(request.getHeader("X-Forwarded-Host"));
        String authority = forwardedHost != null && AUTHORITY.matcher(forwardedHost).matches()
                ? forwardedHost : requestAuthority(request);
        return new ExternalOrigin(scheme, authority);
    }

    public String baseUrl() {
        return scheme + "://" + authority;
    }

    private static String requestAuthority(HttpServerRequest request) {
        HostAndPort authority = request.authority();
        if (authority == null) {
            return request.localAddress().host() + ":" + request.localAddress().port();
        }
        return authority.port() >= 0 ? authority.host() + ":" + authority.port() : authority.host();
    }

    /** Proxies append to these headers; the first value is the one the client used. */
    private static String firstValue(String header) {
        if (header == null) {
            return null;
        }
        int comma = header.indexOf(',');
        String first = (comma >= 0 ? header.substring(0, comma) : header).strip();
        return first.isEmpty() ? null : first;
    }
}
