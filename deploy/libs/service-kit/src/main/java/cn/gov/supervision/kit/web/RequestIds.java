package cn.gov.supervision.kit.web;

import org.jboss.logging.MDC;

import java.util.UUID;
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
        return offered != null && ACCEPTABLE.matcher(offered).matches() ? offered : UUID.randomUUID().toString();
    }
}
