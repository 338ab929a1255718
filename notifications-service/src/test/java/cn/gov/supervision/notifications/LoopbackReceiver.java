package cn.gov.supervision.notifications;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A webhook receiver on 127.0.0.1 for the tests, reached through {@link TestHostResolver#RECEIVER} (or another name a
 * test points there): it records every request and answers as the test says, slowly if the test wants a slow one.
 * Requests are handled in parallel, as a real receiving system would.
 */
public final class LoopbackReceiver implements AutoCloseable {

    /** One request as received. */
    public record Request(String path, Headers headers, byte[] body) {

        public String header(String name) {
            return headers.getFirst(name);
        }
    }

    /** The answer: a status, and where to go for a redirect (null otherwise). */
    public record Reply(int status, String location) {

        public static Reply of(int status) {
            return new Reply(status, null);
        }

        public static Reply redirectTo(String location) {
            return new Reply(302, location);
        }
    }

    /** How to answer a request; may take its time. */
    @FunctionalInterface
    public interface Answer {
        Reply to(Request request) throws Exception;
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private LoopbackReceiver(int port, Answer answer) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", exchange -> {
            try (exchange) {
                Request request = new Request(exchange.getRequestURI().getRawPath(), exchange.getRequestHeaders(),
                        exchange.getRequestBody().readAllBytes());
                requests.add(request);
                Reply reply = answer.to(request);
                if (reply.location() != null) {
                    exchange.getResponseHeaders().add("Location", reply.location());
                }
                exchange.sendResponseHeaders(reply.status(), -1);
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException(e);
            }
        });
        server.setExecutor(threads);
        server.start();
    }

    public static LoopbackReceiver start(Answer answer) throws IOException {
        return new LoopbackReceiver(0, answer);
    }

    /** A receiver on a given port (one a test found free). */
    public static LoopbackReceiver on(int port, Answer answer) throws IOException {
        return new LoopbackReceiver(port, answer);
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** This receiver's URL under {@code host} (a name the tests' resolver points at loopback). */
    public String url(String host, String path) {
        return "http://" + host + ":" + port() + path;
    }

    public List<Request> requests() {
        return requests;
    }

    public List<Request> requestsTo(String path) {
        return requests.stream().filter(r -> r.path().equals(path)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
