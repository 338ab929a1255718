package cn.gov.supervision.gateway.support;

import io.restassured.RestAssured;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * What rest-assured cannot do: send a body of undeclared length (chunked), or only after 100 Continue, or connect
 * from another loopback address (127.0.0.2: a peer that is not a trusted proxy, though still this machine).
 */
public final class GatewayClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    private GatewayClient() {
    }

    public static HttpResponse<String> postChunked(String path, int bytes) throws Exception {
        return post(path, bytes, false);
    }

    /** Asks for leave to send the body first (Expect: 100-continue), as curl does for larger bodies. */
    public static HttpResponse<String> postExpectingContinue(String path, int bytes) throws Exception {
        return post(path, bytes, true);
    }

    private static HttpResponse<String> post(String path, int bytes, boolean expectContinue) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl() + path))
                .expectContinue(expectContinue)
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/octet-stream")
                // a body from an InputStream has no known length, so the JDK client sends it chunked
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(new byte[bytes])))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    /**
     * Sends {@code head} (request line and headers, no body) from {@code localAddress} over a fresh connection and
     * reads the whole answer; the request asks the gateway to close the connection afterwards.
     */
    public static RawResponse fromAddress(String localAddress, String head) throws IOException {
        try (Socket socket = new Socket()) {
            socket.setSoTimeout(10_000);
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", RestAssured.port), 5_000);
            socket.getOutputStream().write((head + "Host: localhost:" + RestAssured.port + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            byte[] answer = socket.getInputStream().readAllBytes();
            int endOfHead = endOfLine(answer, 0);
            while (endOfLine(answer, endOfHead + 2) != endOfHead + 2) {
                endOfHead = endOfLine(answer, endOfHead + 2);
            }
            String[] lines = new String(answer, 0, endOfHead, StandardCharsets.ISO_8859_1).split("\r\n");
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 1; i < lines.length; i++) {
                int colon = lines[i].indexOf(':');
                headers.put(lines[i].substring(0, colon).strip(), lines[i].substring(colon + 1).strip());
            }
            int bodyStart = endOfHead + 4;
            byte[] body = "chunked".equalsIgnoreCase(headers.get("Transfer-Encoding"))
                    ? dechunk(answer, bodyStart) : Arrays.copyOfRange(answer, bodyStart, answer.length);
            return new RawResponse(Integer.parseInt(lines[0].split(" ")[1]), headers,
                    new String(body, StandardCharsets.UTF_8));
        }
    }

    private static byte[] dechunk(byte[] message, int from) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int at = from;
        while (true) {
            int sizeEnd = endOfLine(message, at);
            int size = Integer.parseInt(new String(message, at, sizeEnd - at, StandardCharsets.US_ASCII).strip(), 16);
            if (size == 0) {
                return body.toByteArray();
            }
            body.write(message, sizeEnd + 2, size);
            at = sizeEnd + 2 + size + 2;
        }
    }

    /** Where the CRLF at or after {@code from} starts. */
    private static int endOfLine(byte[] bytes, int from) {
        for (int i = from; i < bytes.length - 1; i++) {
            if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
                return i;
            }
        }
        throw new IllegalStateException("An answer cut off in the middle of a line");
    }

    /** Status, headers (by case-insensitive name) and the body, de-chunked. */
    public record RawResponse(int status, Map<String, String> headers, String body) {
    }

    public static String gatewayUrl() {
        return "http://localhost:" + RestAssured.port;
    }
}
