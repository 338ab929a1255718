package cn.gov.supervision.gateway.edge;

import cn.gov.supervision.gateway.config.GatewayConfig;
import io.netty.handler.ipfilter.IpFilterRuleType;
import io.netty.handler.ipfilter.IpSubnetFilterRule;
import io.netty.util.NetUtil;
import io.vertx.core.MultiMap;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a request really comes from. Forwarding headers are believed only from a peer in {@code
 * gateway.trusted-proxies} (the TLS terminator in front of the gateway): from anyone else they are removed at the door,
 * so that neither the limits keyed on the client address, nor Location headers and the OpenAPI server (which follow
 * X-Forwarded-Host/-Proto), nor the services (which see X-Forwarded-For) can be told a story by the client itself.
 * <p>
 * Behind trusted proxies the client is the right-most X-Forwarded-For entry that is not itself a trusted proxy: each
 * proxy appends the address it saw, so everything further left is whatever the client chose to send.
 */
@ApplicationScoped
public class ClientAddress implements EdgeStage {

    private static final String KEY = ClientAddress.class.getName();
    private static final List<String> FORWARDING_HEADERS = List.of("Forwarded", "X-Forwarded-For", "X-Forwarded-Host",
            "X-Forwarded-Proto", "X-Forwarded-Port", "X-Forwarded-Prefix", "X-Forwarded-Server");

    private final List<IpSubnetFilterRule> trustedProxies;

    public ClientAddress(GatewayConfig config) {
        this.trustedProxies = config.trustedProxies().orElse(List.of()).stream().map(ClientAddress::subnet).toList();
    }

    /** The client's address, as {@link #handle} found it (the peer's, before that stage ran). */
    public static String of(RoutingContext context) {
        String address = context.get(KEY);
        return address != null ? address : peer(context.request().remoteAddress());
    }

    @Override
    public int order() {
        return EdgeOrder.CLIENT_ADDRESS;
    }

    @Override
    public void handle(RoutingContext context) {
        SocketAddress peer = context.request().remoteAddress();
        MultiMap headers = context.request().headers();
        // with no trusted proxies (the usual case) nobody is believed, and the peer's address need not be parsed
        InetAddress peerAddress = peer == null || trustedProxies.isEmpty() ? null : literal(peer.hostAddress());
        if (peerAddress == null || !trusted(peerAddress)) {
            FORWARDING_HEADERS.forEach(headers::remove);
            context.put(KEY, peer(peer));
        } else {
            context.put(KEY, forwardedClient(peerAddress, headers.getAll("X-Forwarded-For")));
        }
        context.next();
    }

    /** Right to left through the proxies' entries, up to the first that is no trusted proxy (or cannot be read). */
    private String forwardedClient(InetAddress peer, List<String> forwardedFor) {
        List<String> entries = new ArrayList<>();
        forwardedFor.forEach(header -> entries.addAll(List.of(header.split(","))));
        InetAddress client = peer;
        for (int i = entries.size() - 1; i >= 0; i--) {
            InetAddress entry = literal(withoutPort(entries.get(i).strip()));
            if (entry == null) {
                break; // not written by a proxy we know: the last address we could vouch for stands
            }
            client = entry;
            if (!trusted(entry)) {
                break;
            }
        }
        return client.getHostAddress();
    }

    private boolean trusted(InetAddress address) {
        InetSocketAddress socketAddress = new InetSocketAddress(address, 0);
        return trustedProxies.stream().anyMatch(subnet -> subnet.matches(socketAddress));
    }

    private static String peer(SocketAddress peer) {
        return peer == null || peer.hostAddress() == null ? "unknown" : peer.hostAddress();
    }

    /** 192.0.2.1:443 → 192.0.2.1, [2001:db8::1]:443 → 2001:db8::1; a bare IPv6 address stays as it is. */
    private static String withoutPort(String entry) {
        if (entry.startsWith("[")) {
            int end = entry.indexOf(']');
            return end > 0 ? entry.substring(1, end) : entry;
        }
        int colon = entry.indexOf(':');
        return colon > 0 && colon == entry.lastIndexOf(':') ? entry.substring(0, colon) : entry;
    }

    /** An IP address literal, never a name: reading a header must not cause a DNS lookup. */
    private static InetAddress literal(String text) {
        byte[] bytes = text == null ? null : NetUtil.createByteArrayFromIpAddressString(text);
        if (bytes == null) {
            return null;
        }
        try {
            return InetAddress.getByAddress(bytes);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    private static IpSubnetFilterRule subnet(String cidr) {
        String[] parts = cidr.strip().split("/", 2);
        InetAddress network = literal(parts[0]);
        int maxPrefix = network == null ? 0 : network.getAddress().length * 8;
        int prefix;
        try {
            prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : maxPrefix;
        } catch (NumberFormatException e) {
            prefix = -1;
        }
        if (network == null || prefix < 0 || prefix > maxPrefix) {
            throw new IllegalArgumentException("gateway.trusted-proxies: '" + cidr + "' is not an IP address or CIDR "
                    + "block such as 10.0.0.0/8 or 2001:db8::/32");
        }
        return new IpSubnetFilterRule(network, prefix, IpFilterRuleType.ACCEPT);
    }
}
