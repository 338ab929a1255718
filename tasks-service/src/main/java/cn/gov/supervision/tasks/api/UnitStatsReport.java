package cn.gov.supervision.tasks.api;

import java.time.LocalDate;
import java.util.List;

/** The units' records as they stood at the end of {@code asOf} (a date in the plans' time zone). */
public record UnitStatsReport(LocalDate asOf, List<UnitStats> items) {
}
