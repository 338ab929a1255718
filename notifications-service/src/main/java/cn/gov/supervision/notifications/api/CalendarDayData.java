package cn.gov.supervision.notifications.api;

import cn.gov.supervision.notifications.domain.DayKind;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

public record CalendarDayData(@NotNull LocalDate date, @NotNull DayKind kind, @Size(max = 100) String name) {
}
