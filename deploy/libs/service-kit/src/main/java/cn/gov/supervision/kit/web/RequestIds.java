package cn.gov.supervision.kit.web;

import org.jboss.logging.MDC;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/** The correlation id of the request being handled, shared by logs, problem bodies, outgoing calls and events. */
public final class RequestIds {

    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";

    /** Ids from callers are echoed into logs and headers, so only a safe, bounded alphabet is accepted. */
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._:\\-]{1,128}");

    private RequestIds() {
    }

    public static String current() {
        Object id = MDC.get(MDC_KEY);
        return id == null ? null : id.toString();
    }

    /** The caller's id when it is usable, otherwise a new one. */
    public static String acceptOrGenerate(String offered) {
        return offered != null && ACCEPTABLE.matcher(offered).matches() ? offered : generate();
    }

    /**
     * A random (version 4) UUID from the thread's own generator. An id only has to be unique, not unguessable: it
     * grants nothing. UUID.randomUUID() draws from the shared SecureRandom (a lock and a SHA-1 per id), which was a few
     * per cent of the gateway's CPU per proxied request, as every request without an id of its own gets one there.
     */
    static String generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L; // version 4
        long low = random.nextLong() & ~(0xC000L << 48) | (0x8000L << 48); // IETF variant
        return new UUID(high, low).toString();
    }
}
