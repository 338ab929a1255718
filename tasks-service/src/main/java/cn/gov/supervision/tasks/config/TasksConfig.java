package cn.gov.supervision.tasks.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;
import java.util.Optional;

@ConfigMapping(prefix = "tasks")
public interface TasksConfig {

    /** Deadlines are local dates; "today" and "overdue" are judged in this zone. */
    @WithDefault("Asia/Shanghai")
    ZoneId timeZone();

    /** Public base URL of the API as clients reach it (the gateway), for links in calendar feeds. */
    @WithDefault("http://localhost:8080")
    String publicBaseUrl();

    /**
     * Key of the signatures in calendar subscription links (TASKS_CALENDAR_SECRET). Calendar apps cannot send a bearer
     * token, so the link carries a signature of its unit instead; every replica needs the same secret.
     */
    Optional<String> calendarSecret();
}
