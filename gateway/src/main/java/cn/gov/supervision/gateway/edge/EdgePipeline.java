package cn.gov.supervision.gateway.edge;

import cn.gov.supervision.gateway.problem.GatewayProblem;
import io.quarkus.arc.ClientProxy;
import io.vertx.ext.web.Route;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import org.jboss.logging.Logger;

import java.util.Comparator;

/** Mounts every {@link EdgeStage} on Quarkus' own router, so the stages run for proxied and local endpoints alike. */
@ApplicationScoped
public class EdgePipeline {

    private static final Logger LOG = Logger.getLogger(EdgePipeline.class);

    void mount(@Observes Router router, Instance<EdgeStage> stages) {
        stages.stream().sorted(Comparator.comparingInt(EdgeStage::order)).forEach(stage -> {
            Route route = stage.path().isEmpty() ? router.route() : router.route(stage.path());
            // the bean itself, not its client proxy: the stages are application scoped, and a proxy would look the
            // bean up in its context on every request
            route.order(stage.order()).handler(ClientProxy.unwrap(stage));
            LOG.debugf("Edge stage %s at order %d on %s", stage.getClass().getSimpleName(), stage.order(),
                    stage.path().isEmpty() ? "every path" : stage.path());
        });
        // a failure inside a stage or the proxy must still answer with a problem, never Quarkus' error page
        router.route().order(EdgeOrder.CORRELATION).failureHandler(EdgePipeline::failed);
    }

    private static void failed(RoutingContext context) {
        if (context.response().ended()) {
            return;
        }
        int status = context.statusCode() >= 400 ? context.statusCode() : 500;
        if (status >= 500) {
            LOG.error("Unexpected failure at the edge for " + context.request().method() + " "
                    + context.normalizedPath(), context.failure());
        }
        GatewayProblem.of(status, status >= 500 ? "internal-error" : "http-" + status,
                status >= 500 ? "Internal Server Error" : "Request refused",
                status >= 500 ? "An unexpected error occurred in the gateway; quote the request id when reporting it"
                        : "The request could not be handled").send(context);
    }
}
