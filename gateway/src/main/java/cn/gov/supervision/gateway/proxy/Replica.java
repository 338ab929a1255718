package cn.gov.supervision.gateway.proxy;

import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;

import java.net.URI;
import java.time.Duration;

/** One running instance of a service, as configured: where to connect and how it names itself in URLs. */
public record Replica(String scheme, String host, int port) {

    public static Replica parse(String url) {
        URI uri = URI.create(url.strip());
        if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
            throw new IllegalArgumentException("An upstream URL must be http(s)://host[:port], not " + url);
        }
        if (uri.getRawPath() != null && !uri.getRawPath().isEmpty() && !"/".equals(uri.getRawPath())) {
            throw new IllegalArgumentException("An upstream URL names a server, not a path: " + url
                    + " (the gateway forwards paths unchanged)");
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
        return new Replica(uri.getScheme(), uri.getHost(), port);
    }

    /** Options for a request to this replica; the Host header names the replica, as the service expects. */
    public RequestOptions request(HttpMethod method, String uri, Duration idleTimeout) {
        return new RequestOptions().setMethod(method).setHost(host).setPort(port).setSsl(ssl()).setURI(uri)
                .setIdleTimeout(idleTimeout.toMillis());
    }

    public boolean ssl() {
        return "https".equals(scheme);
    }

    /** The origin as the service would write it into an absolute URL (Location headers). */
    public String origin() {
        return scheme + "://" + host + ":" + port;
    }

    /** The same origin without the port when it is the scheme's default, which is how URLs usually spell it. */
    String originWithoutDefaultPort() {
        boolean defaultPort = ssl() ? port == 443 : port == 80;
        return defaultPort ? scheme + "://" + host : origin();
    }

    @Override
    public String toString() {
        return origin();
    }
}
