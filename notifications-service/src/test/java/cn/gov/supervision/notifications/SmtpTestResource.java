package cn.gov.supervision.notifications;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

/** A real SMTP server (GreenMail) for the mails the service sends; tests stop and start it to simulate outages. */
public class SmtpTestResource implements QuarkusTestResourceLifecycleManager {

    private static final int PORT = freePort();
    private static GreenMail smtp;

    public static synchronized GreenMail smtp() {
        if (smtp == null) {
            startServer();
        }
        return smtp;
    }

    public static synchronized void stopServer() {
        if (smtp != null) {
            smtp.stop();
            smtp = null;
        }
    }

    /** Starts (again) on the same port, keeping no mail from before. */
    public static synchronized void startServer() {
        if (smtp == null) {
            smtp = new GreenMail(new ServerSetup(PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
        }
    }

    @Override
    public Map<String, String> start() {
        smtp();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", String.valueOf(PORT),
                "quarkus.mailer.mock", "false");
    }

    @Override
    public void stop() {
        stopServer();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
