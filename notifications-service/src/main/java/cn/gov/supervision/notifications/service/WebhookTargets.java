package cn.gov.supervision.notifications.service;

import cn.gov.supervision.notifications.config.NotificationsConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import java.net.IDN;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Whether a webhook URL may be used, decided at registration and again before every delivery (a name may be pointed
 * elsewhere after registration), and the one address to connect to: the one checked here, so that a second lookup
 * cannot answer differently (DNS rebinding). Otherwise anyone allowed to register webhooks, an API key included,
 * could make this service post to its cloud's metadata service or probe the internal network.
 * <p>
 * Rules: https, or plain http for a host on {@code notifications.webhooks.http-hosts}; no user name or password in
 * the URL; every address of the host public: loopback, private, carrier-NAT shared space (where Alibaba Cloud's
 * metadata service 100.100.100.200 lives), link-local (169.254.169.254), multicast, unspecified and reserved ranges
 * are refused, however spelt: an IPv4 literal is read the way C resolvers and browsers read it (2130706433, 0177.0.0.1
 * and 0x7f.1 are all 127.0.0.1), and IPv6 forms that embed an IPv4 address (::ffff:a.b.c.d, NAT64, 6to4) are judged
 * by that address.
 */
@ApplicationScoped
public class WebhookTargets {

    /** Where to send: the URL's host (for the Host header, SNI and the certificate check) and the address checked. */
    public record Target(boolean https, String host, int port, String pathAndQuery, InetAddress address) {
    }

    /**
     * A URL that may not be used. Its message says why in terms fit for whoever registered it; {@link #detail()} adds
     * which address was refused, for the logs and administrators.
     */
    public static final class RefusedTarget extends RuntimeException {

        private final String detail;

        RefusedTarget(String reason, String detail) {
            super(reason, null, false, false);
            this.detail = detail;
        }

        RefusedTarget(String reason) {
            this(reason, reason);
        }

        public String detail() {
            return detail;
        }
    }

    private static final String NOT_PUBLIC =
            "is not a public address: loopback, private, link-local, multicast and reserved addresses are refused";

    private final HostResolver resolver;
    private final Set<String> httpHosts;
    private final Set<String> loopbackHosts;

    public WebhookTargets(HostResolver resolver, NotificationsConfig config) {
        this.resolver = resolver;
        this.httpHosts = normalized(config.webhooks().httpHosts());
        this.loopbackHosts = normalized(config.webhooks().testLoopbackHosts());
    }

    /** A production service never delivers to loopback: the tests' exception must not be left in a deployment. */
    void refuseTestSettingsOutsideTests(@Observes StartupEvent startup) {
        if (!loopbackHosts.isEmpty() && LaunchMode.current() != LaunchMode.TEST) {
            throw new IllegalStateException("notifications.webhooks.test-loopback-hosts is set (" + loopbackHosts
                    + ") outside test mode: it lets webhooks reach this machine and is for tests only");
        }
    }

    /** The target of {@code url}, or a {@link RefusedTarget} saying why there is none. */
    public Target check(String url) {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new RefusedTarget("the URL cannot be read: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !scheme.equals("http")) {
            throw new RefusedTarget("only https URLs are accepted");
        }
        boolean https = scheme.equals("https");
        String authority = uri.getAuthority();
        if (authority == null || authority.isEmpty()) {
            throw new RefusedTarget("the URL has no host");
        }
        if (authority.contains("@")) {
            throw new RefusedTarget("the URL may not carry a user name or password");
        }
        String host;
        String portText;
        InetAddress literal = null;
        if (authority.startsWith("[")) {
            int end = authority.indexOf(']');
            String rest = end < 0 ? "" : authority.substring(end + 1);
            host = end < 0 ? "" : authority.substring(1, end);
            if (!host.contains(":") || host.contains("%") || !(rest.isEmpty() || rest.startsWith(":"))) {
                throw new RefusedTarget("the URL's IPv6 address cannot be read");
            }
            portText = rest.isEmpty() ? null : rest.substring(1);
            literal = ipv6Literal(host);
        } else {
            int colon = authority.lastIndexOf(':');
            host = colon < 0 ? authority : authority.substring(0, colon);
            portText = colon < 0 ? null : authority.substring(colon + 1);
        }
        int port = port(portText, https);
        String name = literal == null ? asciiName(host) : host.toLowerCase(Locale.ROOT);
        if (!https && !httpHosts.contains(name)) {
            throw new RefusedTarget("only https URLs are accepted (plain http only for the hosts an administrator "
                    + "allowed in notifications.webhooks.http-hosts)");
        }
        if (literal == null) {
            literal = ipv4Literal(name);
        }
        List<InetAddress> addresses = literal != null ? List.of(literal) : resolve(name);
        for (InetAddress address : addresses) {
            String why = forbiddenBecause(address);
            if (why != null && !(address.isLoopbackAddress() && loopbackHosts.contains(name))) {
                throw new RefusedTarget(host + " " + NOT_PUBLIC,
                        host + " " + NOT_PUBLIC + " (" + address.getHostAddress() + ": " + why + ")");
            }
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String pathAndQuery = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        return new Target(https, literal != null && host.contains(":") ? "[" + host + "]" : name, port, pathAndQuery,
                addresses.get(0));
    }

    private List<InetAddress> resolve(String name) {
        try {
            List<InetAddress> addresses = resolver.resolve(name);
            if (addresses.isEmpty()) {
                throw new UnknownHostException(name);
            }
            return addresses;
        } catch (UnknownHostException e) {
            throw new RefusedTarget(name + " cannot be resolved");
        }
    }

    private static int port(String text, boolean https) {
        if (text == null || text.isEmpty()) {
            return https ? 443 : 80;
        }
        if (!text.matches("[0-9]{1,5}") || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 65535) {
            throw new RefusedTarget("the URL's port is not a port");
        }
        return Integer.parseInt(text);
    }

    /** The host name as DNS knows it: punycode for Chinese (and any other non-ASCII) names, lower case, no final dot. */
    private static String asciiName(String host) {
        String name;
        try {
            name = IDN.toASCII(host, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw new RefusedTarget("the URL's host name cannot be read");
        }
        name = name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
        if (name.isEmpty() || !name.matches("[a-z0-9._-]+")) {
            throw new RefusedTarget("the URL's host name cannot be read");
        }
        return name;
    }

    private static InetAddress ipv6Literal(String host) {
        if (!host.matches("[0-9A-Fa-f:.]+")) {
            throw new RefusedTarget("the URL's IPv6 address cannot be read");
        }
        try {
            return InetAddress.getByName(host); // a literal with ':' is parsed, never looked up
        } catch (UnknownHostException e) {
            throw new RefusedTarget("the URL's IPv6 address cannot be read");
        }
    }

    /**
     * The IPv4 address a host ending in a number stands for, read as C's inet_aton and the WHATWG URL standard read
     * it (one to four parts, each decimal, octal with a leading 0 or hex with 0x, the last filling the remaining
     * bytes), or null for a host name. Java reads some of these forms otherwise or sends them to DNS, so they are
     * read here, and a host that ends in a number but is no address is refused rather than looked up.
     */
    static InetAddress ipv4Literal(String name) {
        String[] parts = name.split("\\.", -1);
        if (!parts[parts.length - 1].matches("[0-9]+|0[xX][0-9a-fA-F]*")) {
            return null;
        }
        if (parts.length > 4) {
            throw new RefusedTarget("the URL's host is not a valid IPv4 address");
        }
        long value = 0;
        for (int i = 0; i < parts.length; i++) {
            long part = ipv4Part(parts[i]);
            long limit = i < parts.length - 1 ? 255 : (1L << (8 * (5 - parts.length))) - 1;
            if (part < 0 || part > limit) {
                throw new RefusedTarget("the URL's host is not a valid IPv4 address");
            }
            value = i < parts.length - 1 ? value | (part << (8 * (3 - i))) : value | part;
        }
        byte[] bytes = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // four bytes are always an address
        }
    }

    /** One part of an IPv4 literal, or -1 when it is not a number (or an absurdly long one). */
    private static long ipv4Part(String part) {
        try {
            if (part.matches("0[xX][0-9a-fA-F]{0,8}")) {
                return part.length() == 2 ? 0 : Long.parseLong(part.substring(2), 16);
            }
            if (part.matches("0[0-7]{1,11}")) {
                return Long.parseLong(part, 8);
            }
            if (part.matches("[0-9]{1,10}")) {
                return part.length() > 1 && part.startsWith("0") ? -1 : Long.parseLong(part);
            }
        } catch (NumberFormatException e) {
            return -1;
        }
        return -1;
    }

    /** Why a webhook may not be sent to {@code address}, or null when it is a public address. */
    static String forbiddenBecause(InetAddress address) {
        byte[] b = address.getAddress();
        if (b.length == 4) {
            return forbiddenIpv4(b[0] & 0xff, b[1] & 0xff, b[2] & 0xff);
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (isZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return forbiddenIpv4(b[12] & 0xff, b[13] & 0xff, b[14] & 0xff); // ::ffff:a.b.c.d
        }
        if (b[0] == 0 && b[1] == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b) {
            // NAT64: 64:ff9b::a.b.c.d reaches a.b.c.d; 64:ff9b:1::/48 is for a network's own use
            return isZero(b, 4, 12) ? forbiddenIpv4(b[12] & 0xff, b[13] & 0xff, b[14] & 0xff) : "local-use NAT64";
        }
        if (first == 0) {
            return "in ::/8: unspecified, loopback, IPv4-compatible or reserved";
        }
        if (first == 0x01 && second == 0x00 && isZero(b, 2, 8)) {
            return "discard-only";
        }
        if (first == 0x20 && second == 0x02) {
            return forbiddenIpv4(b[2] & 0xff, b[3] & 0xff, b[4] & 0xff); // 6to4 2002:a.b.c.d::/48
        }
        if (first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0) {
            return "Teredo (hides an IPv4 address)";
        }
        if ((first & 0xfe) == 0xfc) {
            return "unique local (private)";
        }
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return "link-local";
        }
        if (first == 0xfe && (second & 0xc0) == 0xc0) {
            return "site-local";
        }
        if (first == 0xff) {
            return "multicast";
        }
        return null;
    }

    private static String forbiddenIpv4(int a, int b, int c) {
        if (a == 0) {
            return "this network (0.0.0.0/8)";
        }
        if (a == 127) {
            return "loopback";
        }
        if (a == 10 || (a == 172 && (b & 0xf0) == 16) || (a == 192 && b == 168)) {
            return "private";
        }
        if (a == 100 && (b & 0xc0) == 64) {
            return "shared address space (carrier NAT; cloud metadata such as 100.100.100.200)";
        }
        if (a == 169 && b == 254) {
            return "link-local (cloud metadata such as 169.254.169.254)";
        }
        if (a == 192 && b == 0 && c == 0) {
            return "IETF protocol assignments";
        }
        if (a == 198 && (b & 0xfe) == 18) {
            return "benchmarking";
        }
        if (a >= 224 && a < 240) {
            return "multicast";
        }
        if (a >= 240) {
            return "reserved or broadcast";
        }
        return null;
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static Set<String> normalized(Optional<Set<String>> hosts) {
        return hosts.orElse(Set.of()).stream().map(h -> h.strip().toLowerCase(Locale.ROOT))
                .map(h -> h.endsWith(".") ? h.substring(0, h.length() - 1) : h).filter(h -> !h.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
