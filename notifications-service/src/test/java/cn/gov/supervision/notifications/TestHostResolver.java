package cn.gov.supervision.notifications;

import cn.gov.supervision.notifications.service.HostResolver;
import cn.gov.supervision.notifications.service.SystemHostResolver;
import jakarta.enterprise.context.ApplicationScoped;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The tests' resolver, in place of DNS ({@link SystemHostResolver}): a name answers only what a test put here, so no
 * test looks anything up on the network, and a delivery goes nowhere but where a test pointed the name (the loopback
 * receivers; the other answers exist to be refused).
 */
@ApplicationScoped
public class TestHostResolver implements HostResolver {

    /**
     * The name the tests' webhooks point at: a receiver on this machine, allowed plain http and loopback by the
     * test-only settings in application.properties ({@code %test.notifications.webhooks.…}).
     */
    public static final String RECEIVER = "receiver.test";

    private static final Map<String, List<InetAddress>> NAMES =
            new ConcurrentHashMap<>(Map.of(RECEIVER, List.of(InetAddress.getLoopbackAddress())));

    /** From now on {@code name} resolves to {@code addresses} (IP literals, never looked up). */
    public static void answer(String name, String... addresses) {
        NAMES.put(name, Arrays.stream(addresses).map(TestHostResolver::literal).toList());
    }

    /** From now on {@code name} is unknown again. */
    public static void forget(String name) {
        NAMES.remove(name);
    }

    @Override
    public List<InetAddress> resolve(String host) throws UnknownHostException {
        List<InetAddress> addresses = NAMES.get(host);
        if (addresses == null) {
            throw new UnknownHostException(host + " (the tests' resolver knows no such name)");
        }
        return addresses;
    }

    private static InetAddress literal(String address) {
        if (!address.matches("[0-9.]+|[0-9a-fA-F:.]*:[0-9a-fA-F:.]*")) {
            throw new IllegalArgumentException(address + " is no IP literal");
        }
        try {
            return InetAddress.getByName(address); // a literal is parsed, not looked up
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(address, e);
        }
    }
}
