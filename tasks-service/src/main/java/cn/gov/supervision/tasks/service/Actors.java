package cn.gov.supervision.tasks.service;

import org.jboss.logging.MDC;

/**
 * Who is acting, for history lines. Until authentication is in place every change is anonymous; the principal will
 * be put under this MDC key by the security layer.
 */
final class Actors {

    static final String MDC_KEY = "actor";

    private Actors() {
    }

    static String current() {
        Object actor = MDC.get(MDC_KEY);
        return actor == null ? null : actor.toString();
    }
}
