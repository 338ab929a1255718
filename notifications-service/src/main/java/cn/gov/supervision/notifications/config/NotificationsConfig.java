package cn.gov.supervision.notifications.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

@ConfigMapping(prefix = "notifications")
public interface NotificationsConfig {

    /** Days are reckoned where the plans apply. */
    @WithDefault("Asia/Shanghai")
    ZoneId timeZone();

    /** The unit that supervises and receives escalations: 市政府办公室 unless configured otherwise. */
    @WithDefault("6546456c-86ad-5db5-8a53-3fd9293a11f6")
    UUID supervisingUnitId();

    /** The contact role that hears about escalations of its own unit. */
    @WithDefault("分管领导")
    String escalationContactRole();

    /** Public base URL of the API (the gateway), for the links in messages. */
    @WithDefault("http://localhost:8080")
    String publicBaseUrl();

    /** Key for the acknowledgement links in e-mails; without one a random key is used until restart. */
    Optional<String> ackSecret();

    /**
     * How long an acknowledgement link works after its mail was sent (NOTIFICATIONS_ACK_LINK_LIFETIME). Long enough
     * to outlast the longest public holiday; an old mail then leads to a page that says where to acknowledge instead.
     */
    @WithDefault("14d")
    Duration ackLinkLifetime();

    /**
     * AES-256 key (base64 of 32 bytes, NOTIFICATIONS_SECRETS_KEY) that webhook secrets are encrypted with in the
     * database. Every replica needs the same key. Without one, secrets are stored as given (and a warning says so).
     */
    Optional<String> secretsKey();

    @WithDefault("no-reply@supervision.huzhou.gov.cn")
    String mailFrom();

    DailyRun dailyRun();

    Delivery delivery();

    Webhooks webhooks();

    interface DailyRun {

        /** When the day's job runs, in {@link #timeZone()}; read by DailyRunScheduler. */
        @WithDefault("0 30 8 * * ?")
        String cron();
    }

    interface Delivery {

        @WithDefault("true")
        boolean enabled();

        @WithDefault("2s")
        Duration pollInterval();

        /**
         * How long a claimed delivery belongs to its worker; after that another instance may take it over. Renewed
         * just before each send, so it must outlast one send: at least twice {@link #webhookTimeout()} (checked at
         * startup).
         */
        @WithDefault("2m")
        Duration lease();

        @WithDefault("30s")
        Duration initialBackoff();

        @WithDefault("1h")
        Duration maxBackoff();

        /** After this many failed attempts a delivery is given up (status FAILED). */
        @WithDefault("20")
        int maxAttempts();

        @WithDefault("10s")
        Duration webhookTimeout();
    }

    /** Where webhooks may point (see the README, "Webhook targets"). */
    interface Webhooks {

        /**
         * Host names (exact, case-insensitive) that may be sent plain {@code http}: every other webhook needs https.
         * Their addresses must still be public.
         */
        Optional<Set<String>> httpHosts();

        /**
         * Test only: host names that may resolve to a loopback address, so that tests can deliver to a receiver on
         * this machine. The service refuses to start with it outside test mode: loopback is otherwise refused.
         */
        Optional<Set<String>> testLoopbackHosts();
    }
}
