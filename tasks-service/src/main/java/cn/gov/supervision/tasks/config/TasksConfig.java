package cn.gov.supervision.tasks.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.ZoneId;

@ConfigMapping(prefix = "tasks")
public interface TasksConfig {

    /** Deadlines are local dates; "today" and "overdue" are judged in this zone. */
    @WithDefault("Asia/Shanghai")
    ZoneId timeZone();

    /** Public base URL of the API as clients reach it (the gateway), for links in calendar feeds. */
    @WithDefault("http://localhost:8080")
    String publicBaseUrl();
}
