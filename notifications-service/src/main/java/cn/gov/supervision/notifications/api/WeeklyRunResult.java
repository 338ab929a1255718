package cn.gov.supervision.notifications.api;

import java.time.LocalDate;

/**
 * What a weekly report run did: the week (its Monday), the day the report of that week goes out, whether this run
 * created the report (a second run in the same week does not) and how many deliveries it queued.
 */
public record WeeklyRunResult(LocalDate date, LocalDate weekOf, LocalDate reportDay, boolean created,
                              int deliveriesCreated) {
}
