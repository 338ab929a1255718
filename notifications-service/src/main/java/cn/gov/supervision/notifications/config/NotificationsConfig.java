package cn.gov.supervision.notifications.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.DayOfWeek;
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

    /**
     * A site's own front end for a task (NOTIFICATIONS_APP_TASK_URL), e.g.
     * {@code https://duban.example.gov.cn/tasks/{taskId}?unit={unitId}}: mails and the digest page then link each task
     * there. Without it a task in a mail links to its place on the digest page, which needs no login.
     */
    Optional<String> appTaskUrl();

    DigestPage digestPage();

    DailyRun dailyRun();

    WeeklyReport weeklyReport();

    Delivery delivery();

    Webhooks webhooks();

    /** The page behind every digest mail (see the README, "The page behind the mail"). */
    interface DigestPage {

        /** Items per page: a digest of hundreds of items is read a page at a time, on a phone too. */
        @WithDefault("50")
        int itemsPerPage();

        /** "Send me a fresh link" mails per digest within a day: enough for a mislaid mail, too few to flood with. */
        @WithDefault("3")
        int freshLinksPerDigestPerDay();

        /** "Send me a fresh link" mails per unit within a day, whichever of its digests they were asked from. */
        @WithDefault("10")
        int freshLinksPerUnitPerDay();
    }

    interface DailyRun {

        /** When the day's job runs, in {@link #timeZone()}; read by DailyRunScheduler. */
        @WithDefault("0 30 8 * * ?")
        String cron();

        /**
         * How many assignments the run reads per query: memory stays bounded by a page, however many assignments
         * years of plans hold (tests use a tiny page so that every digest spans pages).
         */
        @WithDefault("2000")
        int pageSize();

        /**
         * How long reading the day may take before its transaction is given up (seconds): longer than a web
         * request's default 60 s, since years of plans on a busy database may take minutes and the run must finish.
         */
        @WithDefault("600")
        int readTimeoutSeconds();
    }

    /**
     * The supervising office's weekly report (督办周报), mailed to the contacts of {@link #supervisingUnitId()}. It is
     * checked at {@link DailyRun#cron()} every day and goes out on the report day of the week.
     */
    interface WeeklyReport {

        /** The report's weekday; when it is a holiday, the first working day after it in the same week. */
        @WithDefault("MONDAY")
        DayOfWeek day();

        /** How many of the most overdue assignments the report lists. */
        @WithDefault("20")
        int overdueItems();
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
