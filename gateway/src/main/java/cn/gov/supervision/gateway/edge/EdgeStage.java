package cn.gov.supervision.gateway.edge;

import io.vertx.core.Handler;
import io.vertx.ext.web.RoutingContext;

/**
 * One step that requests pass before they are routed to a service. Every CDI bean of this type is mounted on
 * Quarkus' router by {@link EdgePipeline} at its {@link #order()}; a stage either ends the exchange (with a problem)
 * or calls {@code context.next()}. Authentication is such a stage too ({@code security.EdgeAuthentication}, at
 * {@link EdgeOrder#AUTHENTICATION}).
 */
public interface EdgeStage extends Handler<RoutingContext> {

    /** Where in the pipeline this stage runs; see {@link EdgeOrder}. */
    int order();

    /** The requests this stage sees, as a Vert.x route path ("/api/*"); empty for every request. */
    default String path() {
        return "";
    }
}
