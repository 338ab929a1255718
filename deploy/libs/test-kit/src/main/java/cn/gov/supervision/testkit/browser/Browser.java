package cn.gov.supervision.testkit.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static org.awaitility.Awaitility.await;

/**
 * Debian's headless Chromium, driven over the Chrome DevTools protocol (a WebSocket from {@code java.net.http}): pages
 * rendered by a real browser with the fonts a Chinese reader's phone has ({@code fonts-noto-cjk}), so a test can assert
 * what a person sees, at phone width and at desktop width, and keep a screenshot for a person to look at. One browser
 * per test class (it takes a second or two to start); close it after the class.
 * <p>
 * The binary is {@code /usr/bin/chromium} unless {@code CHROMIUM} names another; {@link #available()} says whether it
 * is there (installed by {@code .ci/run}).
 */
public final class Browser implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofSeconds(30);

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger nextId = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger loads = new AtomicInteger();

    private Browser(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /** The Chromium binary this machine has. */
    public static Path executable() {
        String configured = System.getenv("CHROMIUM");
        return Path.of(configured == null || configured.isBlank() ? "/usr/bin/chromium" : configured);
    }

    public static boolean available() {
        return Files.isExecutable(executable());
    }

    /** Starts a headless Chromium with a fresh profile; its log goes to {@code target/chromium.log}. */
    public static Browser start() throws IOException, InterruptedException, java.util.concurrent.ExecutionException,
            java.util.concurrent.TimeoutException {
        Path profile = Files.createTempDirectory("chromium-profile");
        Files.createDirectories(Path.of("target"));
        Process process = new ProcessBuilder(executable().toString(),
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--hide-scrollbars", "--remote-debugging-port=0",
                "--remote-allow-origins=*", "--user-data-dir=" + profile, "about:blank")
                .redirectErrorStream(true)
                .redirectOutput(Path.of("target", "chromium.log").toFile())
                .start();
        // with port 0 Chromium picks a free port and writes it here: no clash with anything else on the machine
        Path portFile = profile.resolve("DevToolsActivePort");
        await().atMost(WAIT).until(() -> !process.isAlive() || (Files.exists(portFile)
                && !Files.readAllLines(portFile).isEmpty()));
        if (!process.isAlive()) {
            throw new IllegalStateException("Chromium exited at start: see target/chromium.log");
        }
        int port = Integer.parseInt(Files.readAllLines(portFile).get(0).trim());
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> target = http.send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/json/new?about:blank"))
                .PUT(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        String pageSocket = JSON.readTree(target.body()).path("webSocketDebuggerUrl").asText();
        Browser[] self = new Browser[1];
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(pageSocket), new WebSocket.Listener() {
            private final StringBuilder message = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                message.append(data);
                if (last) {
                    String text = message.toString();
                    message.setLength(0);
                    self[0].received(text);
                }
                webSocket.request(1);
                return null;
            }
        }).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        Browser browser = new Browser(process, profile, socket);
        self[0] = browser;
        browser.call("Page.enable", Map.of());
        browser.call("Runtime.enable", Map.of());
        return browser;
    }

    /**
     * Opens {@code url} in a window {@code width} CSS pixels wide (a phone's 390 or a desktop's 1280; narrower than
     * 600 is emulated as a mobile device, which honours the page's viewport meta tag), once it has loaded.
     */
    public RenderedPage open(String url, int width) {
        boolean phone = width < 600;
        call("Emulation.setDeviceMetricsOverride", Map.of("width", width, "height", phone ? 844 : 900,
                "deviceScaleFactor", phone ? 2 : 1, "mobile", phone));
        int before = loads.get();
        JsonNode navigated = call("Page.navigate", Map.of("url", url));
        if (navigated.hasNonNull("errorText")) {
            throw new IllegalStateException("Chromium could not open " + url + ": " + navigated.get("errorText"));
        }
        awaitLoad(before);
        return new RenderedPage(this, width);
    }

    /** Runs {@code script} in the page and returns its value (JSON-serialisable values only). */
    JsonNode evaluate(String script) {
        JsonNode result = call("Runtime.evaluate", Map.of("expression", script, "returnByValue", true,
                "awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("Script failed in the page: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** A left click at a point of the viewport, as a person's finger or mouse gives it; waits for a page it loads. */
    void clickAt(double x, double y, boolean loadsAPage) {
        int before = loads.get();
        for (String type : List.of("mousePressed", "mouseReleased")) {
            call("Input.dispatchMouseEvent", Map.of("type", type, "x", x, "y", y, "button", "left",
                    "clickCount", 1));
        }
        if (loadsAPage) {
            awaitLoad(before);
        }
    }

    /** A PNG of the whole page, however long, at the current width. */
    byte[] screenshot(double width, double height) {
        JsonNode shot = call("Page.captureScreenshot", Map.of("format", "png", "captureBeyondViewport", true,
                "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
        return java.util.Base64.getDecoder().decode(shot.path("data").asText());
    }

    private void awaitLoad(int before) {
        await().atMost(WAIT).until(() -> loads.get() > before);
    }

    JsonNode call(String method, Map<String, ?> params) {
        int id = nextId.incrementAndGet();
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        ObjectNode message = JSON.createObjectNode();
        message.put("id", id);
        message.put("method", method);
        message.set("params", JSON.valueToTree(params));
        try {
            socket.sendText(message.toString(), true).get(WAIT.toSeconds(), TimeUnit.SECONDS);
            JsonNode reply = answer.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            if (reply.has("error")) {
                throw new IllegalStateException(method + " failed: " + reply.get("error"));
            }
            return reply.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (Exception e) {
            throw e instanceof IllegalStateException ise ? ise : new IllegalStateException(method + " failed", e);
        } finally {
            pending.remove(id);
        }
    }

    private void received(String text) {
        try {
            JsonNode message = JSON.readTree(text);
            if (message.has("id")) {
                CompletableFuture<JsonNode> answer = pending.get(message.get("id").asInt());
                if (answer != null) {
                    answer.complete(message);
                }
            } else if ("Page.loadEventFired".equals(message.path("method").asText())) {
                loads.incrementAndGet();
            }
        } catch (IOException e) {
            pending.values().forEach(f -> f.completeExceptionally(e));
        }
    }

    @Override
    public void close() throws IOException {
        socket.abort();
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
