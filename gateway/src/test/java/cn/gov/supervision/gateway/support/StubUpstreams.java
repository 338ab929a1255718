package cn.gov.supervision.gateway.support;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Stand-ins for misbehaving or instrumented services, on loopback ports of this JVM:
 * a port nobody listens on (a stopped service), a server that accepts connections and never answers (a hung one),
 * and a counting server that reads each body to its end and answers how many bytes reached it.
 */
public final class StubUpstreams {

    private static Vertx vertx;
    private static HttpServer counting;
    private static ServerSocket hanging;
    private static final List<Socket> hungConnections = new ArrayList<>();
    private static final AtomicInteger bodiesReceived = new AtomicInteger();
    private static final AtomicInteger apiVersion = new AtomicInteger(1);
    private static int closedPort;

    private StubUpstreams() {
    }

    public static synchronized void start() {
        if (vertx != null) {
            return;
        }
        vertx = Vertx.vertx();
        counting = vertx.createHttpServer().requestHandler(request -> {
            if (request.path().equals("/q/openapi")) {
                request.response().putHeader("Content-Type", "application/json").end(apiDocument());
                return;
            }
            long[] received = {0};
            request.handler(chunk -> received[0] += chunk.length());
            request.endHandler(ignored -> {
                bodiesReceived.incrementAndGet();
                request.response().putHeader("Content-Type", "application/json")
                        .putHeader("Keep-Alive", "timeout=5") // about this hop only: must not reach the client
                        .end(new JsonObject()
                                .put("uri", request.uri())
                                .put("received", received[0])
                                .put("host", request.getHeader("Host"))
                                .put("requestId", request.getHeader("X-Request-Id"))
                                .put("forwardedFor", request.getHeader("X-Forwarded-For"))
                                .put("forwardedProto", request.getHeader("X-Forwarded-Proto"))
                                .put("forwardedHost", request.getHeader("X-Forwarded-Host"))
                                .encode());
            });
        });
        try {
            counting.listen(0, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
            hanging = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
            try (ServerSocket probe = new ServerSocket(0)) {
                closedPort = probe.getLocalPort();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot start the stub upstreams", e);
        }
        Thread acceptor = new Thread(() -> {
            while (!hanging.isClosed()) {
                try {
                    Socket socket = hanging.accept();
                    synchronized (hungConnections) {
                        hungConnections.add(socket); // held open, never read from or answered
                    }
                } catch (IOException e) {
                    return;
                }
            }
        }, "hanging-upstream");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    public static String closedUrl() {
        return "http://127.0.0.1:" + closedPort;
    }

    public static String hangingUrl() {
        return "http://127.0.0.1:" + hanging.getLocalPort();
    }

    public static String countingUrl() {
        return "http://127.0.0.1:" + counting.actualPort();
    }

    public static int bodiesReceived() {
        return bodiesReceived.get();
    }

    /** "Redeploys" the counting service with a new operation, /api/v1/plans/v{version}. */
    public static void redeployApi(int version) {
        apiVersion.set(version);
    }

    /** The counting service's own OpenAPI document, as a tasks-service with one operation would publish it. */
    private static String apiDocument() {
        JsonObject operation = new JsonObject().put("tags", new JsonArray().add("plans"))
                .put("responses", new JsonObject().put("200", new JsonObject().put("description", "OK")));
        return new JsonObject()
                .put("openapi", "3.1.0")
                .put("info", new JsonObject().put("title", "tasks-service").put("version", "1." + apiVersion.get()))
                .put("paths", new JsonObject().put("/api/v1/plans/v" + apiVersion.get(),
                        new JsonObject().put("get", operation)))
                .encode();
    }
}
