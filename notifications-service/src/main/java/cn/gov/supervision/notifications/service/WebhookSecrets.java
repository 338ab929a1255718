package cn.gov.supervision.notifications.service;

import cn.gov.supervision.notifications.config.NotificationsConfig;
import cn.gov.supervision.notifications.domain.Webhook;
import cn.gov.supervision.notifications.repository.WebhookRepository;
import cn.gov.supervision.kit.problem.ProblemException;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

/**
 * Webhook secrets must be kept, not hashed (each delivery is signed with one), so they are encrypted at rest:
 * AES-256-GCM under {@code notifications.secrets-key}, stored as {@code aesgcm:<base64 of nonce, ciphertext and
 * tag>}. A database dump or backup then holds no usable secret. Without a key a secret is refused (503 problem),
 * not stored in the clear, except in dev mode, where there is nothing worth protecting. Secrets stored before a key
 * was configured stay readable and are encrypted at the next start.
 */
@ApplicationScoped
public class WebhookSecrets {

    static final String PREFIX = "aesgcm:";

    private static final Logger LOG = Logger.getLogger(WebhookSecrets.class);
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec key;
    private final WebhookRepository webhooks;
    private final SecureRandom random = new SecureRandom();

    public WebhookSecrets(NotificationsConfig config, WebhookRepository webhooks) {
        this.webhooks = webhooks;
        this.key = config.secretsKey().filter(k -> !k.isBlank()).map(WebhookSecrets::aesKey).orElse(null);
    }

    private static SecretKeySpec aesKey(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("notifications.secrets-key must be base64 (of 32 random bytes)", e);
        }
        if (bytes.length != 32) {
            throw new IllegalStateException("notifications.secrets-key must hold 32 bytes (AES-256), not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }

    /** What to store for {@code secret}. */
    public String seal(String secret) {
        if (key == null) {
            if (LaunchMode.current() == LaunchMode.DEVELOPMENT) {
                return secret;
            }
            throw new ProblemException(503, "webhook-secrets-unprotected", "Service Unavailable", "Webhook secrets "
                    + "cannot be stored safely: notifications-service has no NOTIFICATIONS_SECRETS_KEY (base64 of 32 "
                    + "random bytes) to encrypt them with. Ask the operator to set it; nothing was stored", List.of());
        }
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(NONCE_BYTES + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JVM", e);
        }
    }

    /** The secret behind what was stored. */
    public String open(String stored) {
        if (!stored.startsWith(PREFIX)) {
            return stored; // stored before a key was configured; encrypted at the next start
        }
        if (key == null) {
            throw new IllegalStateException("A webhook secret is encrypted but notifications.secrets-key is not set");
        }
        try {
            byte[] sealed = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            return new String(cipher.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A webhook secret cannot be decrypted with notifications.secrets-key "
                    + "(was the key changed?)", e);
        }
    }

    void atStart(@Observes StartupEvent ignored) {
        if (key == null) {
            LOG.warn("notifications.secrets-key is not set: new webhooks are refused (in dev mode, stored unencrypted);"
                    + " set NOTIFICATIONS_SECRETS_KEY (base64 of 32 random bytes)");
            return;
        }
        int sealed = sealStoredInClear();
        if (sealed > 0) {
            LOG.infof("Encrypted %d webhook secrets stored before a key was configured", sealed);
        }
    }

    /** Encrypts the secrets stored in the clear; replicas doing it at once write equivalent values. */
    @Transactional
    public int sealStoredInClear() {
        if (key == null) {
            return 0;
        }
        List<Webhook> inClear = webhooks.list("secret NOT LIKE ?1", PREFIX + "%");
        inClear.forEach(webhook -> webhook.secret = seal(webhook.secret));
        return inClear.size();
    }
}
