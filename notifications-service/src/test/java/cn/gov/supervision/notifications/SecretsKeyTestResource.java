package cn.gov.supervision.notifications;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/** The key webhook secrets are encrypted with, made for this test JVM as a deployment would make its own. */
public class SecretsKeyTestResource implements QuarkusTestResourceLifecycleManager {

    static final String KEY = newKey();

    private static String newKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    @Override
    public Map<String, String> start() {
        return Map.of("notifications.secrets-key", KEY);
    }

    @Override
    public void stop() {
        // nothing was started
    }
}
