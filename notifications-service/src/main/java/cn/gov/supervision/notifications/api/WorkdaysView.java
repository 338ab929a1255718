package cn.gov.supervision.notifications.api;

import java.time.LocalDate;

public record WorkdaysView(LocalDate from, LocalDate to, long workdays) {
}
