package cn.gov.supervision.notifications.service;

import cn.gov.supervision.notifications.config.NotificationsConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.LocalDate;

/**
 * Runs the day's job at the configured local time (08:30 in Asia/Shanghai by default). Every replica may fire; the
 * run is idempotent per day, so the digests still go out once.
 */
@ApplicationScoped
public class DailyRunScheduler {

    private final NotificationRun run;
    private final WeeklyReportRun weeklyReports;
    private final NotificationsConfig config;

    public DailyRunScheduler(NotificationRun run, WeeklyReportRun weeklyReports, NotificationsConfig config) {
        this.run = run;
        this.weeklyReports = weeklyReports;
        this.config = config;
    }

    @Scheduled(identity = "daily-digests", cron = "{notifications.daily-run.cron}",
            timeZone = "{notifications.time-zone}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void runToday() {
        run.run(LocalDate.now(config.timeZone()));
    }

    /** The weekly report goes out on its report day only; once per week, like the day's job once per day. */
    @Scheduled(identity = "weekly-report", cron = "{notifications.daily-run.cron}",
            timeZone = "{notifications.time-zone}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void runWeeklyReport() {
        weeklyReports.runIfReportDay(LocalDate.now(config.timeZone()));
    }
}
