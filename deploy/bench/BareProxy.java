import io.vertx.core.AbstractVerticle;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.httpproxy.HttpProxy;

/**
 * The gateway's proxying library and nothing else: Vert.x HttpProxy forwarding every request to one upstream over
 * kept-alive connections, on as many event loops as the gateway has (two per core), with no authentication, no rate
 * limit and no routing. deploy/bench/run.sh runs it as a second reference beside nginx, to tell what the library
 * costs from what the gateway adds to it.
 * <p>
 * {@code java -cp 'gateway/target/quarkus-app/lib/main/*' deploy/bench/BareProxy.java LISTEN_PORT UPSTREAM_PORT}
 */
public class BareProxy extends AbstractVerticle {

    private final int listen;
    private final int upstream;

    BareProxy(int listen, int upstream) {
        this.listen = listen;
        this.upstream = upstream;
    }

    @Override
    public void start(Promise<Void> started) {
        HttpProxy proxy = HttpProxy.reverseProxy(vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true)
                .setMaxPoolSize(64)));
        proxy.origin(upstream, "127.0.0.1");
        vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(listen))
                .requestHandler(proxy)
                .listen()
                .<Void>mapEmpty()
                .onComplete(started);
    }

    public static void main(String[] args) {
        int listen = Integer.parseInt(args[0]);
        int upstream = Integer.parseInt(args[1]);
        int eventLoops = 2 * Runtime.getRuntime().availableProcessors();
        Vertx.vertx().deployVerticle(() -> new BareProxy(listen, upstream),
                        new DeploymentOptions().setInstances(eventLoops))
                .onSuccess(id -> System.out.println("BareProxy on " + listen + " → " + upstream + ", " + eventLoops
                        + " event loops"))
                .onFailure(failure -> {
                    failure.printStackTrace();
                    System.exit(1);
                });
    }
}
