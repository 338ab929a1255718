package cn.gov.supervision.notifications.api;

import jakarta.validation.constraints.NotNull;

import java.time.LocalDate;

public record RunRequest(@NotNull LocalDate date) {
}
