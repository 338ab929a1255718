package cn.gov.supervision.notifications.api;

import java.time.LocalDate;

/** What a run created; a second run of the same day creates nothing. */
public record RunResult(LocalDate date, int digestsPlanned, int digestsCreated, int deliveriesCreated) {
}
