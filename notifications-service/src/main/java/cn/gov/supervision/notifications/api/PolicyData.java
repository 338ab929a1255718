package cn.gov.supervision.notifications.api;

import cn.gov.supervision.notifications.domain.ReminderPolicy;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;

/** The reminder policy as the API reads and replaces it (see ReminderPolicy for what each field means). */
public record PolicyData(
        @NotNull @Size(max = 10) List<@NotNull @Min(0) @Max(366) Integer> calendarDaysBefore,
        @NotNull @Size(max = 10) List<@NotNull @Min(0) @Max(250) Integer> workingDaysBefore,
        @NotNull Boolean onDeadlineDay,
        @NotNull @Min(1) @Max(250) Integer overdueRepeatEveryWorkingDays,
        @NotNull @Min(1) @Max(250) Integer escalateAfterWorkingDaysOverdue,
        @NotNull Boolean quarterlyProgressForYearRound,
        @NotNull Boolean monthlyProgressForRecurring) {

    public static PolicyData of(ReminderPolicy policy) {
        return new PolicyData(policy.calendarDaysBefore(), policy.workingDaysBefore(), policy.onDeadlineDay(),
                policy.overdueRepeatEveryWorkingDays(), policy.escalateAfterWorkingDaysOverdue(),
                policy.quarterlyProgressForYearRound(), policy.monthlyProgressForRecurring());
    }

    public ReminderPolicy toPolicy() {
        return new ReminderPolicy(calendarDaysBefore, workingDaysBefore, onDeadlineDay, overdueRepeatEveryWorkingDays,
                escalateAfterWorkingDaysOverdue, quarterlyProgressForYearRound, monthlyProgressForRecurring);
    }
}
