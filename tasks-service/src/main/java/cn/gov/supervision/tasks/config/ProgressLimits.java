package cn.gov.supervision.tasks.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * How much progress one assignment may accumulate. Each report is kept, listed and announced on tasks.events, so a
 * caller reporting in a loop would otherwise grow the database, the lists and the event stream without end.
 */
@ConfigMapping(prefix = "tasks.progress")
public interface ProgressLimits {

    /**
     * Reports per assignment (TASKS_PROGRESS_MAX_REPORTS_PER_ASSIGNMENT). A plan is one year's; 300 is more than one
     * report on every working day of a year (about 250), while the reminders ask for one a month or a quarter.
     */
    @WithDefault("300")
    int maxReportsPerAssignment();
}
