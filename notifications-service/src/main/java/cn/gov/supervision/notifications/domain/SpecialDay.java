package cn.gov.supervision.notifications.domain;

import java.time.LocalDate;
import java.util.Objects;

/** One entry of the official holiday arrangement, e.g. {@code 2022-10-08 WORKDAY 国庆节}. */
public record SpecialDay(LocalDate date, DayKind kind, String name) {

    public SpecialDay {
        Objects.requireNonNull(date, "date");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(name, "name");
    }
}
