package cn.gov.supervision.notifications.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The State Council's arrangement for one year, replacing whatever was entered for it before. */
public record CalendarYearRequest(@NotNull @Size(max = 366) List<@NotNull @Valid CalendarDayData> days) {
}
